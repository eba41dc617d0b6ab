package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolcalc.engine.AuditComparison;
import dev.poolcalc.engine.AuditComparison.AppUsage;
import dev.poolcalc.engine.AuditComparison.PoolerUsage;
import dev.poolcalc.engine.AuditComparison.Unplanned;
import dev.poolcalc.engine.ServerSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * An audit as one JSON object. Its keys are fixed: server, planned_total, observed_total, apps,
 * poolers, unplanned, status, findings; the others only add detail.
 */
public final class AuditJsonRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();

  private AuditJsonRenderer() {}

  public static String render(AuditComparison audit) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      write(json, audit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static void write(JsonGenerator json, AuditComparison audit) throws IOException {
    ServerSettings server = audit.observation().server();
    json.writeStartObject();
    json.writeObjectFieldStart("server");
    json.writeStringField("version", server.version());
    json.writeNumberField("max_connections", server.maxConnections());
    json.writeNumberField("superuser_reserved_connections", server.superuserReservedConnections());
    json.writeFieldName("reserved_connections");
    if (server.reservedConnections().isPresent()) {
      json.writeNumber(server.reservedConnections().getAsLong());
    } else {
      json.writeNull();
    }
    json.writeEndObject();
    json.writeStringField("database", audit.observation().database());
    json.writeStringField("role", audit.observation().role());
    json.writeNumberField("planned_total", audit.plannedTotal());
    json.writeNumberField("observed_total", audit.observedTotal());
    json.writeNumberField("other_databases_connections", audit.observation().otherDatabases());
    json.writeNumberField("utilization_percent", audit.utilizationPercent());
    json.writeStringField("status", audit.status().label());
    json.writeArrayFieldStart("apps");
    for (AppUsage app : audit.apps()) {
      json.writeStartObject();
      json.writeStringField("name", app.name());
      json.writeNumberField("planned_connections", app.plannedConnections());
      json.writeNumberField("observed_connections", app.observedConnections());
      json.writeNumberField("active", app.active());
      json.writeNumberField("idle", app.idle());
      json.writeNumberField("idle_in_transaction", app.idleInTransaction());
      json.writeNumberField("other", app.other());
      json.writeStringField("status", app.over() ? "over" : "ok");
      json.writeEndObject();
    }
    json.writeEndArray();
    if (!audit.poolers().isEmpty()) {
      writePoolers(json, audit);
    }
    json.writeArrayFieldStart("unplanned");
    for (Unplanned u : audit.unplanned()) {
      json.writeStartObject();
      json.writeStringField("application_name", u.applicationName());
      json.writeNumberField("connections", u.connections());
      json.writeEndObject();
    }
    json.writeEndArray();
    JsonRenderer.writeFindings(json, audit.findings());
    json.writeEndObject();
  }

  /** Only in a plan with poolers, so files without them print exactly as before. */
  private static void writePoolers(JsonGenerator json, AuditComparison audit) throws IOException {
    json.writeArrayFieldStart("poolers");
    for (PoolerUsage pooler : audit.poolers()) {
      json.writeStartObject();
      json.writeStringField("name", pooler.name());
      json.writeStringField("kind", pooler.kind().key());
      json.writeArrayFieldStart("apps");
      for (String app : pooler.apps()) {
        json.writeString(app);
      }
      json.writeEndArray();
      json.writeNumberField("planned_server_connections", pooler.plannedConnections());
      json.writeNumberField("observed_connections", pooler.observedConnections());
      json.writeNumberField("active", pooler.active());
      json.writeNumberField("idle", pooler.idle());
      json.writeNumberField("idle_in_transaction", pooler.idleInTransaction());
      json.writeNumberField("other", pooler.other());
      json.writeStringField("status", pooler.over() ? "over" : "ok");
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
