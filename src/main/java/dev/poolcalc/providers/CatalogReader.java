package dev.poolcalc.providers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns catalog.yaml into records, refusing an entry without its source, verified date or kind, and
 * a family not listed smallest first: the lookups rely on both.
 */
final class CatalogReader {

  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  private final String file;

  private CatalogReader(String file) {
    this.file = file;
  }

  static Catalog read(String file, Reader source) {
    CatalogReader reader = new CatalogReader(file);
    Object root;
    try (JsonParser parser = new YAMLFactory().createParser(source)) {
      if (parser.nextToken() == null) {
        throw new IllegalStateException(file + ": the catalog is empty");
      }
      root = tree(parser);
    } catch (IOException e) {
      throw new IllegalStateException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    return reader.catalog(reader.new Node("", root));
  }

  /** Mappings become LinkedHashMaps, sequences Lists, every scalar its text. */
  private static Object tree(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        map.put(key, tree(parser));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(tree(parser));
      }
      return list;
    }
    return parser.getText();
  }

  private Catalog catalog(Node root) {
    Map<String, String> unverified = new LinkedHashMap<>();
    Optional<Node> pending = root.optional("unverified_providers");
    if (pending.isPresent()) {
      for (Map.Entry<String, Node> e : pending.get().entries().entrySet()) {
        unverified.put(e.getKey(), url(e.getValue()));
      }
    }
    Map<String, Provider> providers = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : root.get("providers").entries().entrySet()) {
      if (unverified.containsKey(e.getKey())) {
        throw fail(e.getValue(), "is also listed in unverified_providers");
      }
      providers.put(e.getKey(), provider(e.getKey(), e.getValue()));
    }
    return new Catalog(providers, unverified);
  }

  private Provider provider(String name, Node node) {
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw fail(node, "provider names are lower case");
    }
    Optional<Formula> formula = node.optional("formula").map(this::formula);
    Optional<Node> reserved = node.optional("reserved");
    Optional<Sourced> superuser =
        reserved.flatMap(r -> r.optional("superuser_reserved_connections")).map(this::sourced);
    Optional<Sourced> reservedConnections =
        reserved.flatMap(r -> r.optional("reserved_connections")).map(this::sourced);
    Optional<Pooler> pooler = node.optional("pooler").map(this::pooler);
    List<String> prefixes =
        node.optional("strip_prefixes")
            .map(p -> p.list().stream().map(Node::text).toList())
            .orElse(List.of());
    List<Family> families = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node family : node.get("families").list()) {
      families.add(family(name, family, formula, names));
    }
    if (families.isEmpty()) {
      throw fail(node, "lists no families");
    }
    return new Provider(
        name,
        node.get("title").text(),
        node.get("instance_kind").text(),
        families,
        superuser,
        reservedConnections,
        pooler,
        prefixes);
  }

  private Family family(String provider, Node node, Optional<Formula> formula, Set<String> seen) {
    String familyName = node.get("name").text();
    List<Instance> instances = new ArrayList<>();
    long previous = 0;
    for (Node entry : node.get("instances").list()) {
      String name = entry.get("name").text();
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw fail(entry, "repeats the instance name " + name);
      }
      Kind kind = kind(entry);
      String source = url(entry.get("source"));
      LocalDate verified = date(entry.get("verified"));
      Optional<BigDecimal> memory = entry.optional("memory_gib").map(this::positive);
      long max;
      if (memory.isPresent()) {
        Formula f =
            formula.orElseThrow(() -> fail(entry, "gives memory_gib but the provider no formula"));
        if (entry.optional("max_connections").isPresent()) {
          throw fail(entry, "gives both memory_gib and max_connections");
        }
        if (kind != f.kind()) {
          throw fail(entry, "must have the formula's kind, " + f.kind().key());
        }
        max = f.maxConnections(memory.get());
      } else {
        max = entry.get("max_connections").longValue();
      }
      if (max < 1) {
        throw fail(entry, "max_connections must be at least 1");
      }
      if (max < previous) {
        throw fail(entry, "is smaller than the size before it: list a family smallest first");
      }
      previous = max;
      OptionalLong clients =
          entry.optional("pooler_max_clients").stream().mapToLong(Node::longValue).findFirst();
      Optional<Instance.Units> units = entry.optional("units").map(this::units);
      instances.add(
          new Instance(
              provider,
              familyName,
              name,
              instances.size(),
              new Sourced(max, kind, source, verified),
              memory,
              clients,
              units));
    }
    if (instances.isEmpty()) {
      throw fail(node, "lists no instances");
    }
    return new Family(familyName, instances);
  }

  /** min(floor(memory bytes / divisor), cap): RDS's LEAST({DBInstanceClassMemory/d}, cap). */
  record Formula(long divisor, long cap, Kind kind) {
    long maxConnections(BigDecimal memoryGib) {
      long computed =
          memoryGib
              .multiply(GIB)
              .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.FLOOR)
              .longValueExact();
      return Math.min(computed, cap);
    }
  }

  private Formula formula(Node node) {
    url(node.get("source"));
    date(node.get("verified"));
    return new Formula(
        node.get("divide_memory_bytes_by").longValue(), node.get("cap").longValue(), kind(node));
  }

  private Sourced sourced(Node node) {
    return new Sourced(
        node.get("value").longValue(),
        kind(node),
        url(node.get("source")),
        date(node.get("verified")));
  }

  private Pooler pooler(Node node) {
    return new Pooler(
        node.get("kind").text(),
        node.optional("pool_mode").map(Node::text),
        node.optional("max_client_connections").stream().mapToLong(Node::longValue).findFirst(),
        node.optional("pool_size_percent_of_max_connections")
            .map(n -> OptionalInt.of(Math.toIntExact(n.longValue())))
            .orElse(OptionalInt.empty()),
        url(node.get("source")),
        date(node.get("verified")));
  }

  private Instance.Units units(Node node) {
    List<Node> bounds = node.list();
    if (bounds.size() != 2) {
      throw fail(node, "must be [from, to]");
    }
    return new Instance.Units(positive(bounds.get(0)), positive(bounds.get(1)));
  }

  private Kind kind(Node node) {
    Node kind = node.get("kind");
    return Kind.byKey(kind.text())
        .orElseThrow(() -> fail(kind, "must be exact or upper_bound (got " + kind.text() + ")"));
  }

  private String url(Node node) {
    String text = node.text();
    if (!text.startsWith("https://")) {
      throw fail(node, "must be an https:// page (got " + text + ")");
    }
    return text;
  }

  private LocalDate date(Node node) {
    try {
      return LocalDate.parse(node.text());
    } catch (DateTimeParseException e) {
      throw fail(node, "must be a date such as 2026-12-02 (got " + node.text() + ")");
    }
  }

  private BigDecimal positive(Node node) {
    BigDecimal value = node.decimal();
    if (value.signum() <= 0) {
      throw fail(node, "must be greater than 0");
    }
    return value;
  }

  private IllegalStateException fail(Node node, String message) {
    return new IllegalStateException(file + ": " + node.path + " " + message);
  }

  /** A value in the tree and the key path that reached it, for messages. */
  private final class Node {
    final String path;
    final Object value;

    Node(String path, Object value) {
      this.path = path;
      this.value = value;
    }

    Map<String, Node> entries() {
      if (!(value instanceof Map<?, ?> map)) {
        throw fail(this, "must be a mapping");
      }
      Map<String, Node> nodes = new LinkedHashMap<>();
      map.forEach((k, v) -> nodes.put((String) k, new Node(child(k.toString()), v)));
      return nodes;
    }

    Optional<Node> optional(String key) {
      return Optional.ofNullable(entries().get(key));
    }

    Node get(String key) {
      return optional(key).orElseThrow(() -> fail(this, "needs " + key));
    }

    List<Node> list() {
      if (!(value instanceof List<?> items)) {
        throw fail(this, "must be a list");
      }
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        nodes.add(new Node(path + "[" + i + "]", items.get(i)));
      }
      return nodes;
    }

    String text() {
      if (!(value instanceof String s)) {
        throw fail(this, "must be a scalar");
      }
      return s;
    }

    BigDecimal decimal() {
      try {
        return new BigDecimal(text());
      } catch (NumberFormatException e) {
        throw fail(this, "must be a number (got " + text() + ")");
      }
    }

    long longValue() {
      try {
        return decimal().longValueExact();
      } catch (ArithmeticException e) {
        throw fail(this, "must be a whole number (got " + text() + ")");
      }
    }

    private String child(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }
}
