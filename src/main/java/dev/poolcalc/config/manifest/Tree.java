package dev.poolcalc.config.manifest;

import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.config.YamlNode;
import dev.poolcalc.config.YamlNode.Entry;
import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Scalar;
import dev.poolcalc.config.YamlNode.ScalarKind;
import dev.poolcalc.text.Suggestions;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads of a manifest's YAML tree. Manifests are other tools' files: keys poolcalc does not use are
 * ignored, and only the values it reads are checked.
 */
final class Tree {

  private Tree() {}

  /**
   * The value under {@code key}; an explicit {@code null} counts as absent, as Kubernetes reads it.
   */
  static Optional<YamlNode> get(YamlNode node, String key) {
    if (!(node instanceof Mapping m)) {
      return Optional.empty();
    }
    Entry entry = m.entries().get(key);
    if (entry == null || (entry.value() instanceof Scalar s && s.kind() == ScalarKind.NULL)) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  static Optional<Mapping> mapping(YamlNode node, String key) {
    return get(node, key).filter(Mapping.class::isInstance).map(Mapping.class::cast);
  }

  /** A string (or a number, taken as written) under {@code key}. */
  static Optional<String> text(YamlNode node, String key) {
    return get(node, key)
        .filter(v -> v instanceof Scalar s && (s.kind() == ScalarKind.STRING || s.isNumber()))
        .map(v -> ((Scalar) v).text());
  }

  /** Where the key itself was written, or the node when it is absent. */
  static SourceLocation keyLocation(YamlNode node, String key) {
    if (node instanceof Mapping m && m.entries().containsKey(key)) {
      return m.entries().get(key).key().location();
    }
    return node.location();
  }

  /** A whole number in [min, max], or a problem at the value naming {@code field}. */
  static OptionalLong integer(
      YamlNode value, String field, long min, long max, Consumer<Problem> report) {
    if (!(value instanceof Scalar s && s.isNumber())) {
      report.accept(
          Problem.at(
              value.location(), field + " must be a whole number (got " + value.describe() + ")"));
      return OptionalLong.empty();
    }
    BigDecimal number = s.number();
    if (number.stripTrailingZeros().scale() > 0) {
      report.accept(
          Problem.at(
              value.location(),
              field + " must be a whole number (got " + number.toPlainString() + ")"));
      return OptionalLong.empty();
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      report.accept(
          Problem.at(
              value.location(),
              String.format(
                  "%s must be %s (got %s)",
                  field,
                  max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max,
                  number.toPlainString())));
      return OptionalLong.empty();
    }
    return OptionalLong.of(number.longValueExact());
  }

  /**
   * "did you mean" among names such as {@code exchanger-web}: the project's suggestion with
   * candidates compared in the form it compares the typed name.
   */
  static Optional<String> closest(String typed, Collection<String> names) {
    Map<String, String> byNormal = new LinkedHashMap<>();
    for (String name : names) {
      byNormal.putIfAbsent(name.toLowerCase(Locale.ROOT).replace('-', '_'), name);
    }
    return Suggestions.closest(typed, byNormal.keySet()).map(byNormal::get);
  }
}
