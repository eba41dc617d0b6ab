package dev.poolcalc.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so every later complaint can point at
 * the line and column the user has to change.
 */
public sealed interface YamlNode {

  SourceLocation location();

  /** How the node reads to a person in "expected X (got Y)". */
  String describe();

  /** What a YAML scalar was written as. */
  enum ScalarKind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  /** A plain value; numbers keep their exact decimal value, never a binary double. */
  record Scalar(String text, ScalarKind kind, BigDecimal number, SourceLocation location)
      implements YamlNode {
    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "string \"" + text + "\"";
        case INTEGER, DECIMAL -> number.toPlainString();
        case BOOLEAN -> text;
        case NULL -> "nothing";
      };
    }

    public boolean isNumber() {
      return kind == ScalarKind.INTEGER || kind == ScalarKind.DECIMAL;
    }
  }

  /** A key as written, with its own location (for unknown-key and duplicate-key errors). */
  record Key(String name, SourceLocation location) {}

  /** A mapping whose entries keep file order. */
  record Mapping(Map<String, Entry> entries, SourceLocation location) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One key: value pair of a mapping. */
  record Entry(Key key, YamlNode value) {}

  /** A sequence, in file order. */
  record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
