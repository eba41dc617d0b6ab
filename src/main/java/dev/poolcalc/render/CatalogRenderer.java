package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolcalc.providers.Catalog;
import dev.poolcalc.providers.Instance;
import dev.poolcalc.providers.Provider;
import dev.poolcalc.providers.Sourced;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code poolcalc providers}: the managed-PostgreSQL catalog as a table or JSON, with sources. */
public final class CatalogRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CatalogRenderer() {}

  /** Every provider with its number of sizes, then the providers without verified numbers. */
  public static String table(Catalog catalog) {
    Columns table = new Columns("PROVIDER", "NAME", "SIZES", "RESERVED").left(1).left(3);
    for (Provider p : catalog.providers()) {
      table.row(p.name(), p.title(), String.valueOf(p.instances().size()), reserved(p));
    }
    for (Map.Entry<String, String> u : catalog.unverifiedProviders().entrySet()) {
      table.row(u.getKey(), "no verified numbers yet: write max_connections", "-", u.getValue());
    }
    return table.render(Style.PLAIN)
        + "\npoolcalc providers PROVIDER lists its sizes, each with its source.\n";
  }

  /** One provider's sizes, family by family, each with its kind, date and source page. */
  public static String table(Provider p) {
    StringBuilder out = new StringBuilder();
    out.append(p.title()).append(" (").append(p.name()).append(")\n");
    out.append("kept back from ordinary roles: ").append(reserved(p));
    p.superuserReserved().ifPresent(s -> out.append(" (").append(s.source()).append(')'));
    out.append("\n\n");
    Columns table =
        new Columns("FAMILY", "SIZE", "MAX_CONNECTIONS", "KIND", "VERIFIED", "SOURCE")
            .left(1)
            .left(3)
            .left(4)
            .left(5);
    for (Instance i : p.instances()) {
      Sourced max = i.maxConnections();
      table.row(
          i.family(),
          i.name(),
          String.valueOf(max.value()),
          kind(max),
          max.verified().toString(),
          max.source());
    }
    out.append(table.render(Style.PLAIN));
    if (p.instances().stream().anyMatch(i -> i.maxConnections().isUpperBound())) {
      out.append(
          "\nupper_bound: the server's max_connections may be lower (RDS computes it from"
              + " DBInstanceClassMemory, which is less than the class memory); a plan near it is"
              + " treated as over it.\n");
    }
    return out.toString();
  }

  public static String json(Catalog catalog, List<Provider> providers) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      json.writeStartObject();
      json.writeArrayFieldStart("providers");
      for (Provider p : providers) {
        json.writeStartObject();
        json.writeStringField("name", p.name());
        json.writeStringField("title", p.title());
        json.writeStringField("instance_kind", p.instanceKind());
        writeSourced(json, "superuser_reserved_connections", p.superuserReserved());
        writeSourced(json, "reserved_connections", p.reservedConnections());
        json.writeArrayFieldStart("instances");
        for (Instance i : p.instances()) {
          json.writeStartObject();
          json.writeStringField("family", i.family());
          json.writeStringField("name", i.name());
          writeSourced(json, "max_connections", Optional.of(i.maxConnections()));
          if (i.poolerMaxClients().isPresent()) {
            json.writeNumberField("pooler_max_clients", i.poolerMaxClients().getAsLong());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      if (providers.size() == catalog.providers().size()) {
        json.writeObjectFieldStart("unverified_providers");
        for (Map.Entry<String, String> u : catalog.unverifiedProviders().entrySet()) {
          json.writeStringField(u.getKey(), u.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  private static void writeSourced(JsonGenerator json, String field, Optional<Sourced> value)
      throws IOException {
    if (value.isEmpty()) {
      return;
    }
    Sourced s = value.get();
    json.writeObjectFieldStart(field);
    json.writeNumberField("value", s.value());
    json.writeStringField("kind", kind(s));
    json.writeStringField("verified", s.verified().toString());
    json.writeStringField("source", s.source());
    json.writeEndObject();
  }

  private static String kind(Sourced s) {
    return s.isUpperBound() ? "upper_bound" : "exact";
  }

  private static String reserved(Provider p) {
    String su = p.superuserReserved().map(s -> s.value() + " superuser").orElse("");
    String other = p.reservedConnections().map(s -> s.value() + " more").orElse("");
    String both = (su + (su.isEmpty() || other.isEmpty() ? "" : ", ") + other);
    return both.isEmpty() ? "PostgreSQL's defaults" : both;
  }
}
