package dev.poolcalc.config;

import dev.poolcalc.config.YamlNode.Scalar;
import dev.poolcalc.config.YamlNode.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says in plain words what is wrong with YAML the parser refused, for the mistakes people make by
 * hand: indentation that matches no key above, tabs, {@code key:value} without a space, a value
 * holding {@code ": "}, quotes and brackets left open. It reads the lines around SnakeYAML's marks
 * to find the culprit; a refusal it does not recognise keeps the parser's own words.
 */
final class YamlSyntax {

  /** {@code key:value}: a key, a colon and no space after it. */
  private static final Pattern GLUED =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*):([^\\s:][^#]*?)\\s*$");

  private final String file;
  private final List<String> lines;

  private YamlSyntax(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /** The plain-words problem for a refusal, or empty to keep the parser's message. */
  static Optional<Problem> explain(String file, String text, MarkedYAMLException e) {
    return new YamlSyntax(file, text).explain(e);
  }

  /**
   * A hint for a string where a mapping was expected that reads {@code key:value}: YAML took it for
   * one string, for want of a space after the colon.
   */
  static String missingSpaceHint(YamlNode got) {
    if (got instanceof Scalar s && s.kind() == ScalarKind.STRING) {
      Matcher m = GLUED.matcher(s.text());
      if (m.matches()) {
        return "; put a space after the colon: " + m.group(1) + ": " + m.group(2);
      }
    }
    return "";
  }

  private Optional<Problem> explain(MarkedYAMLException e) {
    Mark mark = e.getProblemMark();
    if (mark == null || e.getProblem() == null) {
      return Optional.empty();
    }
    String problem = e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Mark contextMark = e.getContextMark();
    if (problem.contains("\\t(TAB)")) {
      return Optional.of(tab(mark));
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return Optional.of(colonInValue(mark));
    }
    if (context.startsWith("while scanning a simple key") && contextMark != null) {
      return Optional.of(noColon(contextMark));
    }
    if (context.startsWith("while scanning a quoted scalar")
        && problem.contains("end of stream")
        && contextMark != null) {
      char quote = charAt(contextMark);
      return Optional.of(
          at(
              contextMark,
              "the "
                  + quote
                  + " that starts this value is never closed: end the value with "
                  + quote));
    }
    if (context.startsWith("while parsing a flow") && contextMark != null) {
      return Optional.of(openBracket(mark, contextMark));
    }
    if (problem.startsWith("expected <block end>")) {
      return Optional.of(blockEnd(mark, problem));
    }
    return Optional.empty();
  }

  private Problem tab(Mark mark) {
    String before = line(mark.getLine()).substring(0, Math.min(mark.getColumn(), lineLength(mark)));
    if (before.isBlank()) {
      return at(mark, "a tab character indents this line: YAML indents with spaces only");
    }
    return at(mark, "a tab character here: YAML separates a key from its value with spaces only");
  }

  /** A ':' the scanner met inside a plain value: too deep an indent, or an unquoted ": ". */
  private Problem colonInValue(Mark mark) {
    int number = mark.getLine();
    String line = line(number);
    int keyStart = keyColumn(line);
    String before = line.substring(Math.min(keyStart, mark.getColumn()), mark.getColumn());
    if (!before.contains(": ")) {
      // The line's own key: YAML reads the line as more of the value above it.
      for (int i = number - 1; i >= 0; i--) {
        String above = line(i);
        if (!isContent(above)) {
          continue;
        }
        Optional<String> aboveKey = keyOf(above);
        if (aboveKey.isPresent() && indentOf(line) > keyColumn(above)) {
          return Problem.at(
              new SourceLocation(file, number + 1, indentOf(line) + 1),
              "line "
                  + (number + 1)
                  + " is indented by "
                  + spaces(indentOf(line))
                  + ", deeper than `"
                  + aboveKey.get()
                  + ":` on line "
                  + (i + 1)
                  + ", which already has a value: indent it like `"
                  + aboveKey.get()
                  + ":` ("
                  + spaces(keyColumn(above))
                  + ")");
        }
        return Problem.at(
            new SourceLocation(file, number + 1, indentOf(line) + 1),
            "line "
                + (number + 1)
                + " reads as more of the value on line "
                + (i + 1)
                + ": line it up with the keys of the mapping it belongs to");
      }
    }
    String key = keyOf(line).orElse("key");
    String value = line.substring(Math.min(line.length(), line.indexOf(':', keyStart) + 1)).trim();
    return at(
        mark,
        "a value holding ': ' must be quoted: write "
            + key
            + ": \""
            + value.replace("\"", "\\\"")
            + "\"");
  }

  private Problem noColon(Mark keyMark) {
    String rest =
        line(keyMark.getLine()).substring(Math.min(keyMark.getColumn(), lineLength(keyMark)));
    Matcher glued = GLUED.matcher(rest.trim());
    if (glued.matches()) {
      return Problem.at(
          new SourceLocation(
              file, keyMark.getLine() + 1, keyMark.getColumn() + glued.group(1).length() + 1),
          "a space is missing after the colon: write " + glued.group(1) + ": " + glued.group(2));
    }
    return at(
        keyMark,
        "this line is neither `key: value` nor a list item (`- `): add the ':' after its key");
  }

  private Problem openBracket(Mark mark, Mark opened) {
    char bracket = charAt(opened);
    char closing = bracket == '{' ? '}' : ']';
    String what = bracket == '{' ? "mapping" : "list";
    if (mark.getLine() == opened.getLine()) {
      return at(
          mark,
          "expected ',' or '"
              + closing
              + "' here: separate the entries of the "
              + what
              + " at column "
              + (opened.getColumn() + 1)
              + " with commas");
    }
    return at(
        opened,
        "this '"
            + bracket
            + "' is not closed before line "
            + (mark.getLine() + 1)
            + ": end the "
            + what
            + " with '"
            + closing
            + "'");
  }

  /** A line that ends the mapping or list above it where YAML expected another of its entries. */
  private Problem blockEnd(Mark mark, String problem) {
    int number = mark.getLine();
    String line = line(number);
    int column = mark.getColumn();
    if (column > indentOf(line)) {
      String before = line.substring(0, column).stripTrailing();
      if (before.endsWith("\"") || before.endsWith("'")) {
        return at(mark, "text after the closing quote: put the whole value inside the quotes");
      }
      return at(mark, "unexpected text after the value: quote the whole value");
    }
    List<Open> open = openAbove(number);
    if (problem.endsWith("'-'")) {
      for (Open o : open) {
        if (o.dash()) {
          return at(
              mark,
              "line "
                  + (number + 1)
                  + " starts a list item at "
                  + spaces(column)
                  + ", but the list above is at "
                  + spaces(o.column())
                  + ": line its '-' up with the one on line "
                  + (o.line() + 1));
        }
      }
      return at(
          mark, "a list item here belongs to no key: write the key it is for on the line above");
    }
    for (Open o : open) {
      if (o.dash() && o.column() == column) {
        Optional<Open> item =
            open.stream().filter(k -> !k.dash() && k.line() == o.line()).findFirst();
        return at(
            mark,
            "line "
                + (number + 1)
                + " is indented like the '-' on line "
                + (o.line() + 1)
                + " but is not a list item: "
                + item.map(
                        k -> "indent it like `" + k.name() + ":` (" + spaces(k.column()) + ") or ")
                    .orElse("")
                + "start it with '- '");
      }
    }
    Optional<Open> deeper = Optional.empty();
    Optional<Open> shallower = Optional.empty();
    for (Open o : open) {
      if (o.dash()) {
        continue;
      }
      if (o.column() > column) {
        deeper = Optional.of(o);
      } else if (shallower.isEmpty()) {
        shallower = Optional.of(o);
      }
    }
    List<String> choices = new ArrayList<>();
    deeper.ifPresent(o -> choices.add("like `" + o.name() + ":` (" + spaces(o.column()) + ")"));
    shallower.ifPresent(o -> choices.add("like `" + o.name() + ":` (" + spaces(o.column()) + ")"));
    return at(
        mark,
        "line "
            + (number + 1)
            + " is indented by "
            + spaces(column)
            + ", which matches no key above it"
            + (choices.isEmpty() ? "" : ": indent it " + String.join(" or ", choices)));
  }

  /** A key or list dash still open at a line: the columns a following line may start at. */
  private record Open(int line, int column, String name, boolean dash) {}

  /** The keys and dashes above a line that a line there could continue, innermost first. */
  private List<Open> openAbove(int number) {
    List<Open> open = new ArrayList<>();
    int limit = Integer.MAX_VALUE;
    for (int i = number - 1; i >= 0 && limit > 0; i--) {
      String line = line(i);
      if (!isContent(line)) {
        continue;
      }
      int key = keyColumn(line);
      Optional<String> name = keyOf(line);
      if (name.isPresent() && key < limit) {
        open.add(new Open(i, key, name.get(), false));
        limit = key;
      }
      for (int dash = key - 2; dash >= indentOf(line); dash -= 2) {
        if (line.charAt(dash) == '-' && dash < limit) {
          open.add(new Open(i, dash, "-", true));
          limit = dash;
        }
      }
      if (indentOf(line) < limit) {
        limit = indentOf(line);
      }
    }
    return open;
  }

  /** Where a line's key starts: after its indent and any "- " list dashes. */
  private static int keyColumn(String line) {
    int i = indentOf(line);
    while (i + 1 < line.length() && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
      i += 2;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** The plain key a line starts with, if it has one. */
  private static Optional<String> keyOf(String line) {
    String rest = line.substring(keyColumn(line));
    Matcher m = Pattern.compile("^([^\\s:#'\"\\[\\]{},][^:#]*?):(\\s|$)").matcher(rest);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static boolean isContent(String line) {
    String trimmed = line.trim();
    return !trimmed.isEmpty() && !trimmed.startsWith("#");
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String spaces(int n) {
    return n == 1 ? "1 space" : n + " spaces";
  }

  private String line(int index) {
    return index >= 0 && index < lines.size() ? lines.get(index) : "";
  }

  private int lineLength(Mark mark) {
    return line(mark.getLine()).length();
  }

  private char charAt(Mark mark) {
    String line = line(mark.getLine());
    return mark.getColumn() < line.length() ? line.charAt(mark.getColumn()) : '?';
  }

  private Problem at(Mark mark, String message) {
    return Problem.at(new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1), message);
  }
}
