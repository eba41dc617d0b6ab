package dev.poolcalc.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.poolcalc.config.YamlNode.Entry;
import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Scalar;
import dev.poolcalc.config.YamlNode.ScalarKind;
import dev.poolcalc.config.YamlNode.Sequence;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming parser, keeping every
 * value's line and column; anchors, aliases and merge keys ({@code <<: *defaults}) are resolved
 * here, so a value from an anchor keeps the line and column it was written at. Rejects what would
 * silently mislead: duplicate keys, several documents, aliases that expand past a small budget (the
 * "billion laughs" bomb), and lines, keys and values longer than its {@link InputLimits}.
 */
public final class YamlTreeReader {

  /** Nodes that aliases may add in all; real deployment files reuse a few small blocks. */
  static final int ALIAS_EXPANSION_LIMIT = 10_000;

  /** The key of YAML's merge: {@code <<: *defaults}. */
  static final String MERGE_KEY = "<<";

  private static final int MAX_DEPTH = 64;
  private static final YAMLFactory FACTORY = factory();

  private final String file;
  private final InputLimits limits;
  private final Map<String, YamlNode> anchors = new HashMap<>();
  private final IdentityHashMap<YamlNode, Integer> sizes = new IdentityHashMap<>();
  private long expanded;

  /** The text being read, for {@link YamlSyntax} to explain a refusal from. */
  private String text = "";

  private YamlTreeReader(String file, InputLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  /**
   * SnakeYAML refuses documents over 3 MB by default; poolcalc's own cap on a file is larger and is
   * checked, with a message, before the text gets here.
   */
  private static YAMLFactory factory() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(InputLimits.FILE_BYTES);
    return YAMLFactory.builder()
        .loaderOptions(loader)
        .streamReadConstraints(
            StreamReadConstraints.builder().maxDocumentLength(InputLimits.FILE_BYTES).build())
        .build();
  }

  /** Parses one deployment document; {@code file} is the name problems are reported against. */
  public static YamlNode read(String file, String text) throws InvalidInputException {
    return new YamlTreeReader(file, InputLimits.DEPLOYMENT).readDocument(text);
  }

  /**
   * Parses a stream of YAML documents, such as {@code helm template} or {@code kustomize build}
   * output; documents that hold nothing (only comments between two {@code ---}) are left out, so an
   * empty stream gives an empty list.
   */
  public static List<YamlNode> readAll(String file, String text) throws InvalidInputException {
    return new YamlTreeReader(file, InputLimits.MANIFEST).readDocuments(text);
  }

  private List<YamlNode> readDocuments(String text) throws InvalidInputException {
    this.text = text;
    refuseLongLines(text);
    List<YamlNode> documents = new ArrayList<>();
    try (YAMLParser parser = FACTORY.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        YamlNode document = readValue(parser, token, 0);
        if (!(document instanceof Scalar s && s.kind() == ScalarKind.NULL)) {
          documents.add(document);
        }
      }
      return documents;
    } catch (JacksonException e) {
      throw new InvalidInputException(syntaxProblem(e));
    } catch (IOException e) {
      throw new InvalidInputException(Problem.inFile(file, "cannot read: " + e.getMessage()));
    }
  }

  private YamlNode readDocument(String text) throws InvalidInputException {
    this.text = text;
    refuseLongLines(text);
    try (YAMLParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidInputException(
            Problem.inFile(file, "the file is empty: it needs a database and a list of apps"));
      }
      YamlNode root = readValue(parser, first, 0);
      if (parser.nextToken() != null) {
        throw new InvalidInputException(
            Problem.at(
                locationOf(parser.currentTokenLocation()),
                "the file holds more than one YAML document; keep one deployment per file"));
      }
      return root;
    } catch (JacksonException e) {
      throw new InvalidInputException(syntaxProblem(e));
    } catch (IOException e) {
      throw new InvalidInputException(Problem.inFile(file, "cannot read: " + e.getMessage()));
    }
  }

  private YamlNode readValue(YAMLParser parser, JsonToken token, int depth)
      throws IOException, InvalidInputException {
    SourceLocation at = locationOf(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new InvalidInputException(
          Problem.at(at, "the YAML nests deeper than " + MAX_DEPTH + " levels"));
    }
    if (parser.isCurrentAlias()) {
      return resolveAlias(parser.getText(), at);
    }
    String anchor = parser.getObjectId();
    YamlNode node =
        switch (token) {
          case START_OBJECT -> readMapping(parser, at, depth);
          case START_ARRAY -> readSequence(parser, at, depth);
          default -> readScalar(parser, token, at);
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Mapping readMapping(YAMLParser parser, SourceLocation at, int depth)
      throws IOException, InvalidInputException {
    Map<String, Entry> written = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      SourceLocation keyAt = locationOf(parser.currentTokenLocation());
      refuseLong(name, "a key", limits.keyChars(), keyAt);
      YamlNode value = readValue(parser, parser.nextToken(), depth + 1);
      Entry previous = written.get(name);
      if (previous != null) {
        throw new InvalidInputException(
            Problem.at(
                keyAt,
                "duplicate key '"
                    + name
                    + "' (first written at line "
                    + previous.key().location().line()
                    + "); keep one"));
      }
      written.put(name, new Entry(new YamlNode.Key(name, keyAt), value));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new InvalidInputException(Problem.at(at, "unexpected end of a mapping"));
    }
    return new Mapping(merged(written), at);
  }

  /**
   * YAML's merge key: {@code <<: *defaults} (or {@code <<: [*a, *b]}) adds the entries of the
   * mappings it names that this mapping does not write itself; of several, the earlier wins
   * (https://yaml.org/type/merge). A merged entry keeps the location it was written at, inside the
   * anchor, so a problem with it points there. Merged entries take the place of the {@code <<} key
   * in the mapping's order.
   */
  private static Map<String, Entry> merged(Map<String, Entry> written)
      throws InvalidInputException {
    Entry merge = written.get(MERGE_KEY);
    if (merge == null) {
      return written;
    }
    List<YamlNode> sources =
        merge.value() instanceof Sequence list ? list.items() : List.of(merge.value());
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Entry entry : written.values()) {
      if (entry != merge) {
        entries.put(entry.key().name(), entry);
        continue;
      }
      for (YamlNode source : sources) {
        if (!(source instanceof Mapping mapping)) {
          throw new InvalidInputException(
              Problem.at(
                  source.location(),
                  "the merge key << takes a mapping or a list of mappings, such as *defaults or"
                      + " [*a, *b] (got "
                      + source.describe()
                      + ")"));
        }
        for (Entry inherited : mapping.entries().values()) {
          String name = inherited.key().name();
          if (!written.containsKey(name)) {
            entries.putIfAbsent(name, inherited);
          }
        }
      }
    }
    return entries;
  }

  private Sequence readSequence(YAMLParser parser, SourceLocation at, int depth)
      throws IOException, InvalidInputException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new InvalidInputException(Problem.at(at, "unexpected end of a list"));
      }
      items.add(readValue(parser, token, depth + 1));
    }
    return new Sequence(items, at);
  }

  private Scalar readScalar(YAMLParser parser, JsonToken token, SourceLocation at)
      throws IOException, InvalidInputException {
    String text = parser.getText();
    refuseLong(text, "a value", limits.valueChars(), at);
    return switch (token) {
      case VALUE_NUMBER_INT ->
          new Scalar(text, ScalarKind.INTEGER, new BigDecimal(parser.getBigIntegerValue()), at);
      case VALUE_NUMBER_FLOAT -> decimal(parser, text, at);
      case VALUE_TRUE, VALUE_FALSE -> new Scalar(text, ScalarKind.BOOLEAN, null, at);
      case VALUE_NULL -> new Scalar(text, ScalarKind.NULL, null, at);
      default -> new Scalar(text, ScalarKind.STRING, null, at);
    };
  }

  /** Decimals come from their text, never through a double: 0.57 stays 0.57. */
  private static Scalar decimal(YAMLParser parser, String text, SourceLocation at)
      throws IOException {
    String cleaned = text.replace("_", "");
    try {
      return new Scalar(text, ScalarKind.DECIMAL, new BigDecimal(cleaned), at);
    } catch (NumberFormatException e) {
      // .inf, .nan and the like: not a number any key here accepts.
      String lower = cleaned.toLowerCase(Locale.ROOT);
      if (lower.contains("inf") || lower.contains("nan")) {
        return new Scalar(text, ScalarKind.STRING, null, at);
      }
      return new Scalar(text, ScalarKind.DECIMAL, parser.getDecimalValue(), at);
    }
  }

  /**
   * Refuses a line longer than the limit before SnakeYAML scans it, at the column where its text
   * starts. Scanning costs memory in the square of a token's length; this keeps that small.
   */
  private void refuseLongLines(String text) throws InvalidInputException {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > limits.lineChars()) {
          int column = 1;
          while (column < i - start && text.charAt(start + column - 1) == ' ') {
            column++;
          }
          throw new InvalidInputException(
              Problem.at(
                  new SourceLocation(file, line, column),
                  "this line is "
                      + (i - start)
                      + " characters long, more than the "
                      + limits.lineChars()
                      + " poolcalc reads (keys may be at most "
                      + limits.keyChars()
                      + " characters, values "
                      + limits.valueChars()
                      + ")"));
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static void refuseLong(String text, String what, int limit, SourceLocation at)
      throws InvalidInputException {
    if (text != null && text.length() > limit && text.codePointCount(0, text.length()) > limit) {
      throw new InvalidInputException(
          Problem.at(
              at,
              what
                  + " of "
                  + text.codePointCount(0, text.length())
                  + " characters is longer than the "
                  + limit
                  + " poolcalc reads; shorten it"));
    }
  }

  private YamlNode resolveAlias(String name, SourceLocation at) throws InvalidInputException {
    YamlNode target = anchors.get(name);
    if (target == null) {
      throw new InvalidInputException(Problem.at(at, "alias *" + name + " names no anchor"));
    }
    expanded += sizeOf(target);
    if (expanded > ALIAS_EXPANSION_LIMIT) {
      throw new InvalidInputException(
          Problem.at(
              at,
              "YAML aliases expand to more than "
                  + ALIAS_EXPANSION_LIMIT
                  + " values (an alias bomb?); write the values out"));
    }
    return target;
  }

  private int sizeOf(YamlNode node) {
    Integer known = sizes.get(node);
    if (known != null) {
      return known;
    }
    long size = 1;
    if (node instanceof Mapping m) {
      for (Entry e : m.entries().values()) {
        size += sizeOf(e.value());
      }
    } else if (node instanceof Sequence s) {
      for (YamlNode item : s.items()) {
        size += sizeOf(item);
      }
    }
    int capped = (int) Math.min(size, Integer.MAX_VALUE);
    sizes.put(node, capped);
    return capped;
  }

  private Problem syntaxProblem(JacksonException e) {
    // SnakeYAML knows the problem's own mark; Jackson's location is often the context's.
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      Mark key = marked.getContextMark();
      if (key != null
          && "while scanning a simple key".equals(marked.getContext())
          && key.getLine() == mark.getLine()
          && mark.getIndex() - key.getIndex() > limits.keyChars()) {
        // YAML itself ends an implicit key at 1024 characters; SnakeYAML then misses the ':'.
        return Problem.at(
            new SourceLocation(file, key.getLine() + 1, key.getColumn() + 1),
            "a key may be at most "
                + limits.keyChars()
                + " characters, and this one has no ':' within them; shorten it");
      }
      Optional<Problem> plain = YamlSyntax.explain(file, text, marked);
      if (plain.isPresent()) {
        return plain.get();
      }
      String problem = marked.getProblem() == null ? "syntax error" : marked.getProblem();
      return Problem.at(
          new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1),
          "not valid YAML: " + cleanMessage(problem));
    }
    JsonLocation where = e.getLocation();
    String message = cleanMessage(e.getOriginalMessage());
    if (where == null || where.getLineNr() < 1) {
      return Problem.inFile(file, "not valid YAML: " + message);
    }
    return Problem.at(locationOf(where), "not valid YAML: " + message);
  }

  /** SnakeYAML's messages span lines and quote the reader; keep the sentence that explains. */
  static String cleanMessage(String raw) {
    if (raw == null || raw.isBlank()) {
      return "syntax error";
    }
    List<String> kept = new ArrayList<>();
    for (String line : raw.lines().toList()) {
      String trimmed = line.trim();
      if (trimmed.isEmpty()
          || trimmed.startsWith("in 'reader'")
          || trimmed.startsWith("in '")
          || trimmed.startsWith("^")
          || line.startsWith("    ")) {
        continue;
      }
      kept.add(trimmed);
    }
    String message = String.join(" ", kept).replaceAll("\\s+", " ").trim();
    return message.isEmpty() ? "syntax error" : message;
  }

  private SourceLocation locationOf(JsonLocation where) {
    return new SourceLocation(
        file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
  }
}
