package dev.poolcalc.config;

import dev.poolcalc.config.YamlNode.Entry;
import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Scalar;
import dev.poolcalc.config.YamlNode.ScalarKind;
import dev.poolcalc.engine.Amount;
import dev.poolcalc.text.Suggestions;
import dev.poolcalc.text.Written;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of one YAML mapping at a key path such as {@code apps[1]}. A read that fails records
 * a problem naming the full path and gives back empty, so reading goes on and the user gets every
 * problem at once.
 */
final class Fields {

  private final Mapping mapping;
  private final String path;
  private final Problems problems;
  private final Map<String, SourceLocation> locations;
  private final Variables variables;

  Fields(
      Mapping mapping,
      String path,
      Set<String> known,
      Problems problems,
      Map<String, SourceLocation> locations,
      Variables variables) {
    this.mapping = mapping;
    this.path = path;
    this.problems = problems;
    this.locations = locations;
    this.variables = variables;
    locations.put(path, mapping.location());
    for (Entry entry : mapping.entries().values()) {
      String key = entry.key().name();
      if (path.isEmpty() && InputKeys.isExtension(key)) {
        continue;
      }
      if (!known.contains(key)) {
        String hint =
            Suggestions.closest(key, known)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse("; known keys: " + String.join(", ", known));
        problems.add(entry.key().location(), "unknown key " + pathOf(key) + hint);
      } else {
        locations.put(pathOf(key), entry.value().location());
      }
    }
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  SourceLocation location() {
    return mapping.location();
  }

  boolean has(String key) {
    return present(key).isPresent();
  }

  /** The value under {@code key}; an explicit {@code null} counts as absent. */
  Optional<YamlNode> present(String key) {
    Entry entry = mapping.entries().get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.value() instanceof Scalar s && s.kind() == ScalarKind.NULL) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  SourceLocation locationOf(String key) {
    Entry entry = mapping.entries().get(key);
    return entry == null ? mapping.location() : entry.value().location();
  }

  void problem(String key, String message) {
    problems.add(locationOf(key), message);
  }

  Optional<YamlNode> required(String key, String what) {
    Optional<YamlNode> node = present(key);
    if (node.isEmpty()) {
      problems.add(mapping.location(), pathOf(key) + " is required: " + what);
    }
    return node;
  }

  OptionalLong requiredInteger(String key, long min, long max, String what) {
    return required(key, what)
        .map(n -> integer(n, pathOf(key), min, max))
        .orElse(OptionalLong.empty());
  }

  OptionalLong optionalInteger(String key, long min, long max) {
    return present(key).map(n -> integer(n, pathOf(key), min, max)).orElse(OptionalLong.empty());
  }

  /** A decimal in (0, max], exact as written. */
  Optional<BigDecimal> optionalDecimal(String key, BigDecimal max, String expected) {
    String keyPath = pathOf(key);
    return present(key)
        .flatMap(n -> number(n, keyPath, expected))
        .filter(
            value -> {
              if (value.signum() > 0 && value.compareTo(max) <= 0) {
                return true;
              }
              problem(
                  key,
                  String.format(
                      "%s must be greater than 0 and at most %s (got %s)",
                      keyPath, max.toPlainString(), value.toPlainString()));
              return false;
            });
  }

  /** true or false, as YAML writes them; anything else is a problem at the key. */
  Optional<Boolean> optionalBoolean(String key) {
    Optional<YamlNode> node = present(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Scalar s && s.kind() == ScalarKind.BOOLEAN) {
      return Optional.of(Boolean.parseBoolean(s.text().trim().toLowerCase(java.util.Locale.ROOT)));
    }
    problems.add(
        node.get().location(),
        pathOf(key) + " must be true or false (got " + node.get().describe() + ")");
    return Optional.empty();
  }

  Optional<String> optionalString(String key) {
    return present(key).flatMap(n -> string(n, pathOf(key)));
  }

  /**
   * A connection URL: variables in it are percent-encoded where the URL needs it, and remembered,
   * so that an error about the URL shows them as written.
   */
  Optional<Written> optionalUrl(String key) {
    return present(key)
        .flatMap(
            n ->
                n instanceof Scalar s && s.kind() == ScalarKind.STRING
                    ? variables.expandWritten(
                        s.text(), pathOf(key), s.location(), Variables.Context.URL)
                    : string(n, pathOf(key)).map(Written::literal));
  }

  /**
   * How the value under {@code key} was written, in double quotes, for a message about it: a <code>
   * ${NAME}</code> shows as written, never its value, and control characters are escaped.
   */
  String written(String key) {
    return present(key).map(Fields::written).orElse("\"\"");
  }

  /** A node as written, in double quotes: see {@link #written(String)}. */
  static String written(YamlNode node) {
    String text = node instanceof Scalar s ? s.text() : node.describe();
    return Written.literal(text).quote();
  }

  /** A string scalar's text with its variables expanded; empty after a problem. */
  Optional<String> text(Scalar scalar, String keyPath) {
    return variables.expand(scalar.text(), keyPath, scalar.location(), Variables.Context.PLAIN);
  }

  /** A whole number within [min, max]; 3.0 is whole, 2.5 is not. */
  /** How far a percentage may go: a reserve stays below 100 %, max_unavailable at most 100 %. */
  enum PercentCap {
    BELOW_100,
    UP_TO_100,
    NONE
  }

  private static final Pattern PERCENT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%\\s*");

  private static final Pattern COUNT = Pattern.compile("\\s*[0-9]+\\s*");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * A count or a percentage such as "15%": the one parser for every key that takes either (reserve,
   * max_surge, max_unavailable). A string is expanded first, so {@code "${R}"} works for each of
   * them, and a string that holds a whole number is a count.
   *
   * @param expected what to say after the key when the value is neither
   */
  Optional<Amount> amount(
      YamlNode node, String keyPath, String expected, long maxCount, PercentCap cap) {
    if (node instanceof Scalar s && s.kind() == ScalarKind.STRING) {
      Optional<String> text = text(s, keyPath);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Matcher percent = PERCENT.matcher(text.get());
      if (percent.matches()) {
        return percentWithin(new BigDecimal(percent.group(1)), node, keyPath, cap);
      }
      if (COUNT.matcher(text.get()).matches()) {
        return whole(new BigDecimal(text.get().trim()), node, keyPath, 0, maxCount)
            .map(Amount::count);
      }
      problems.add(node.location(), keyPath + expected + " (got " + written(s) + ")");
      return Optional.empty();
    }
    if (node instanceof Scalar s && s.isNumber() && s.number().stripTrailingZeros().scale() > 0) {
      problems.add(
          node.location(), keyPath + expected + " (got " + s.number().toPlainString() + ")");
      return Optional.empty();
    }
    OptionalLong count = integer(node, keyPath, 0, maxCount);
    return count.isPresent() ? Optional.of(Amount.count(count.getAsLong())) : Optional.empty();
  }

  private Optional<Amount> percentWithin(
      BigDecimal percent, YamlNode node, String keyPath, PercentCap cap) {
    int vs100 = percent.compareTo(HUNDRED);
    if (cap == PercentCap.BELOW_100 && vs100 >= 0) {
      problems.add(
          node.location(), keyPath + " must be below 100% (got " + percent.toPlainString() + "%)");
      return Optional.empty();
    }
    if (cap == PercentCap.UP_TO_100 && vs100 > 0) {
      problems.add(
          node.location(),
          keyPath + " must be at most 100% (got " + percent.toPlainString() + "%)");
      return Optional.empty();
    }
    return Optional.of(Amount.percentOf(percent));
  }

  private Optional<Long> whole(
      BigDecimal value, YamlNode node, String keyPath, long min, long max) {
    OptionalLong checked = wholeInRange(value, node, keyPath, min, max);
    return checked.isPresent() ? Optional.of(checked.getAsLong()) : Optional.empty();
  }

  OptionalLong integer(YamlNode node, String keyPath, long min, long max) {
    Optional<BigDecimal> number = number(node, keyPath, "a whole number");
    if (number.isEmpty()) {
      return OptionalLong.empty();
    }
    return wholeInRange(number.get(), node, keyPath, min, max);
  }

  private OptionalLong wholeInRange(
      BigDecimal value, YamlNode node, String keyPath, long min, long max) {
    if (value.stripTrailingZeros().scale() > 0) {
      problems.add(
          node.location(), keyPath + " must be a whole number (got " + value.toPlainString() + ")");
      return OptionalLong.empty();
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
      problems.add(
          node.location(),
          keyPath + " must be at least " + min + " (got " + value.toPlainString() + ")");
      return OptionalLong.empty();
    }
    if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(
          node.location(),
          keyPath + " must be at most " + max + " (got " + value.toPlainString() + ")");
      return OptionalLong.empty();
    }
    return OptionalLong.of(value.longValueExact());
  }

  Optional<BigDecimal> number(YamlNode node, String keyPath, String expected) {
    if (node instanceof Scalar s && s.isNumber()) {
      return Optional.of(s.number());
    }
    String hint =
        node instanceof Scalar s && s.kind() == ScalarKind.STRING && s.text().contains("${")
            ? "; variables are expanded only in string values such as database.url"
            : "";
    problems.add(
        node.location(),
        keyPath + " must be " + expected + " (got " + node.describe() + ")" + hint);
    return Optional.empty();
  }

  /** Text for a string-valued key; numbers are taken as written (a name may be 2024). */
  Optional<String> string(YamlNode node, String keyPath) {
    if (node instanceof Scalar s && s.kind() == ScalarKind.STRING) {
      return text(s, keyPath);
    }
    if (node instanceof Scalar s && s.isNumber()) {
      return Optional.of(s.text());
    }
    problems.add(node.location(), keyPath + " must be a string (got " + node.describe() + ")");
    return Optional.empty();
  }

  Optional<Mapping> mapping(String key, boolean required, String what) {
    Optional<YamlNode> node = required ? required(key, what) : present(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Mapping m) {
      return Optional.of(m);
    }
    problems.add(
        node.get().location(),
        pathOf(key)
            + " must be a mapping (got "
            + node.get().describe()
            + ")"
            + YamlSyntax.missingSpaceHint(node.get()));
    return Optional.empty();
  }

  Fields nested(Mapping child, String childPath, Set<String> known) {
    return new Fields(child, childPath, known, problems, locations, variables);
  }
}
