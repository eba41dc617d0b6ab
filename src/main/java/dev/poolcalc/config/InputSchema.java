package dev.poolcalc.config;

import dev.poolcalc.config.InputKeys.Key;
import dev.poolcalc.config.InputKeys.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (2020-12) of input file version 1, made from {@link InputKeys}, the table the
 * reader checks keys against: editors complete and check keys with it. It states what it can (key
 * names, types, ranges, choices); rules across keys (connection_limit with weight, min ≤ max) stay
 * the reader's. A string holding a <code>${NAME}</code> is accepted wherever the reader expands
 * one.
 *
 * <p>The schema is nested maps, lists, strings, numbers and booleans, in a fixed order, for a JSON
 * writer to print.
 */
public final class InputSchema {

  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** A string with at least one variable in it, as {@link Variables} reads them. */
  private static final String VARIABLE_PATTERN = "\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}";

  /** What {@code Fields.amount} reads as a percentage or a count in a string. */
  private static final String PERCENT_PATTERN = "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$";

  private static final String COUNT_PATTERN = "^\\s*[0-9]+\\s*$";

  private InputSchema() {}

  public static Map<String, Object> schema() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", DIALECT);
    root.put("title", "poolcalc deployment file (version 1)");
    root.put(
        "description",
        "The PostgreSQL server and the apps that share it; see README.md, \"The input file\".");
    root.putAll(object(InputKeys.TOP));
    root.put("anyOf", List.of(required("apps"), required("include")));
    Map<String, Object> defs = new LinkedHashMap<>();
    defs.put(
        "variable",
        ordered(
            "type",
            "string",
            "pattern",
            VARIABLE_PATTERN,
            "description",
            "a string with ${NAME} or ${NAME:-default}, read from the environment"));
    defs.put(InputKeys.DATABASE.name(), object(InputKeys.DATABASE));
    for (Section section :
        List.of(
            InputKeys.POOLER,
            InputKeys.APP,
            InputKeys.REPLICA_RANGE,
            InputKeys.ROLLOUT,
            InputKeys.DEMAND)) {
      defs.put(defName(section), object(section));
    }
    root.put("$defs", defs);
    return root;
  }

  private static Map<String, Object> object(Section section) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Key key : section.keys()) {
      Map<String, Object> property = new LinkedHashMap<>();
      property.put("description", key.description());
      property.putAll(value(key));
      properties.put(key.name(), property);
      if (key.required()) {
        required.add(key.name());
      }
    }
    out.put("properties", properties);
    if (!required.isEmpty()) {
      out.put("required", required);
    }
    if (section == InputKeys.TOP) {
      out.put(
          "patternProperties",
          ordered(
              "^" + InputKeys.EXTENSION_PREFIX,
              ordered("description", "ignored by poolcalc: a place for YAML anchors")));
    }
    out.put("additionalProperties", false);
    return out;
  }

  private static Map<String, Object> value(Key key) {
    return switch (key.kind()) {
      case VERSION -> ordered("const", 1);
      case INTEGER -> integer(key.min(), key.max());
      case DECIMAL ->
          ordered("type", "number", "exclusiveMinimum", 0, "maximum", number(key.max()));
      case STRING -> ordered("type", List.of("string", "number"));
      case URL ->
          ordered(
              "anyOf",
              List.of(ordered("type", "string", "pattern", "^postgres(ql)?://"), variableRef()));
      case CHOICE -> ordered("anyOf", List.of(ordered("enum", key.choices()), variableRef()));
      case AMOUNT ->
          ordered(
              "anyOf",
              List.of(
                  integer(0, key.max()),
                  ordered("type", "string", "pattern", PERCENT_PATTERN),
                  ordered("type", "string", "pattern", COUNT_PATTERN),
                  variableRef()));
      case INTEGER_OR_SECTION ->
          ordered(
              "anyOf",
              List.of(integer(key.min(), key.max()), ref(defName(key.section().orElseThrow()))));
      case SECTION -> ref(defName(key.section().orElseThrow()));
      case LIST_OF_SECTION ->
          ordered(
              "type", "array", "minItems", 1, "items", ref(defName(key.section().orElseThrow())));
      case LIST_OF_STRINGS ->
          ordered("type", "array", "items", ordered("type", List.of("string", "number")));
      case BOOLEAN -> ordered("type", "boolean");
    };
  }

  /** The name under $defs: one item of a list ("apps[]" → "app"), or the section's own. */
  private static String defName(Section section) {
    if (section == InputKeys.REPLICA_RANGE) {
      return "replica_range";
    }
    String name = section.name();
    return name.endsWith("s[]") ? name.substring(0, name.length() - 3) : name;
  }

  private static Map<String, Object> integer(long min, BigDecimal max) {
    return ordered("type", "integer", "minimum", min, "maximum", number(max));
  }

  /** A whole maximum as a long (1000000, not 1E+6), any other as it is. */
  private static Object number(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= 0 ? (Object) plain.longValueExact() : plain;
  }

  private static Map<String, Object> variableRef() {
    return ref("variable");
  }

  private static Map<String, Object> ref(String def) {
    return ordered("$ref", "#/$defs/" + def);
  }

  private static Map<String, Object> required(String key) {
    return ordered("required", List.of(key));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
