package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolcalc.engine.Observation;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.PoolerRehearsal;
import dev.poolcalc.engine.PoolerRehearsalResult;
import dev.poolcalc.engine.PoolerRehearsalResult.ClientProbe;
import dev.poolcalc.engine.RehearsalResult;
import dev.poolcalc.engine.RehearsalResult.Ended;
import dev.poolcalc.engine.RehearsalResult.Opened;
import dev.poolcalc.engine.RehearsalResult.Refusal;
import dev.poolcalc.engine.ServerSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rehearsal as one JSON object: server, role, apps (the direct apps' connections), reserve,
 * refusal, predicted_refusal, as_predicted, ended, poolers (through each PgBouncer: clients, the
 * server peak against planned_server_connections, and the max_client_conn probe) and held.
 */
public final class RehearsalJsonRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();

  private RehearsalJsonRenderer() {}

  public static String render(RehearsalResult result, String endpoint) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      write(json, result, endpoint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static void write(JsonGenerator json, RehearsalResult result, String endpoint)
      throws IOException {
    Observation probe = result.probe();
    ServerSettings server = probe.server();
    json.writeStartObject();
    json.writeObjectFieldStart("server");
    json.writeStringField("endpoint", endpoint);
    json.writeStringField("version", server.version());
    json.writeNumberField("max_connections", server.maxConnections());
    json.writeNumberField("superuser_reserved_connections", server.superuserReservedConnections());
    optional(json, "reserved_connections", server.reservedConnections());
    json.writeEndObject();
    json.writeStringField("role", probe.role());
    json.writeNumberField("other_clients", probe.allClients());
    opened(json, "apps", result.opened());
    json.writeNumberField("planned_connections", result.directConnections());
    json.writeNumberField("opened_connections", result.totalOpened());
    boolean reserveTried =
        result.ended().isEmpty() && (result.refusal().isEmpty() || result.onlyReserveRefused());
    json.writeStringField(
        "reserve",
        reserveTried ? (result.refusal().isEmpty() ? "admitted" : "refused") : "not tried");
    refusal(json, "refusal", result.refusal());
    optional(json, "predicted_refusal", result.predictedRefusal());
    json.writeBooleanField("as_predicted", result.asPredicted());
    json.writeArrayFieldStart("ended");
    for (Ended e : result.ended()) {
      json.writeStartObject();
      json.writeStringField("app", e.app());
      json.writeNumberField("connections", e.connections());
      json.writeStringField("message", e.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (!result.poolers().isEmpty()) {
      json.writeArrayFieldStart("poolers");
      for (PoolerRehearsalResult p : result.poolers()) {
        pooler(json, p);
      }
      json.writeEndArray();
    }
    json.writeBooleanField("held", result.held());
    json.writeEndObject();
  }

  private static void pooler(JsonGenerator json, PoolerRehearsalResult r) throws IOException {
    PoolerPlan p = r.pooler();
    json.writeStartObject();
    json.writeStringField("name", r.name());
    json.writeStringField("kind", p.pooler().kind().key());
    json.writeStringField("pool_mode", p.pooler().poolMode().map(m -> m.key()).orElse(null));
    json.writeStringField("endpoint", r.endpoint());
    opened(json, "apps", r.opened());
    json.writeNumberField("planned_client_connections", p.clientConnections());
    json.writeNumberField("opened_client_connections", r.totalOpened());
    refusal(json, "refusal", r.refusal());
    json.writeNumberField("queries", r.queries());
    json.writeNumberField("completed_queries", r.completed());
    json.writeStringField("query_error", r.queryError().orElse(null));
    json.writeNumberField("planned_server_connections", p.serverConnections());
    json.writeNumberField("expected_server_peak", PoolerRehearsal.expectedServerPeak(p));
    json.writeBooleanField("expected_exact", PoolerRehearsal.exact(p));
    json.writeNumberField("server_peak", r.serverPeak());
    json.writeBooleanField("within_server_connections", r.withinServerConnections());
    ClientProbe probe = r.probe();
    json.writeObjectFieldStart("max_client_conn_probe");
    optional(json, "max_client_conn", p.pooler().maxClientConn());
    optional(json, "planned", probe.planned());
    json.writeNumberField("opened", probe.opened());
    refusal(json, "refusal", probe.refusal());
    json.writeStringField("skipped", probe.skipped().orElse(null));
    json.writeBooleanField("as_predicted", probe.asPredicted());
    json.writeEndObject();
    json.writeBooleanField("held", r.held());
    json.writeEndObject();
  }

  private static void opened(JsonGenerator json, String field, List<Opened> opened)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Opened o : opened) {
      json.writeStartObject();
      json.writeStringField("name", o.app());
      json.writeNumberField("planned_connections", o.planned());
      json.writeNumberField("opened_connections", o.opened());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void refusal(JsonGenerator json, String field, Optional<Refusal> refusal)
      throws IOException {
    json.writeFieldName(field);
    if (refusal.isEmpty()) {
      json.writeNull();
      return;
    }
    Refusal r = refusal.get();
    json.writeStartObject();
    json.writeNumberField("connection", r.ordinal());
    json.writeStringField("app", r.app());
    json.writeNumberField("app_connection", r.appOrdinal());
    json.writeStringField("sqlstate", r.sqlState());
    json.writeStringField("message", r.message());
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, OptionalLong value)
      throws IOException {
    json.writeFieldName(field);
    if (value.isPresent()) {
      json.writeNumber(value.getAsLong());
    } else {
      json.writeNull();
    }
  }
}
