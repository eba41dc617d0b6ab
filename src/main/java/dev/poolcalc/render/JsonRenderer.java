package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.poolcalc.clients.ClientSettings;
import dev.poolcalc.clients.Setting;
import dev.poolcalc.config.ValueSource;
import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.LimitSource;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolLoad;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.Rollout;
import dev.poolcalc.engine.Rollouts;
import dev.poolcalc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * The plan as the JSON object of the output contract (docs/ARCHITECTURE.md). Keys there are fixed;
 * the extra keys here only add detail.
 */
public final class JsonRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonRenderer() {}

  /** The plan with each app's client settings ({@code settings}). */
  public static String render(Report report) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(prettyPrinter());
      write(json, report, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** Writes the plan object, which other JSON outputs embed; settings only where asked. */
  public static void write(JsonGenerator json, Report report, boolean withSettings)
      throws IOException {
    Plan plan = report.plan();
    Budget b = plan.budget();
    json.writeStartObject();
    json.writeNumberField("max_connections", b.maxConnections());
    json.writeNumberField("reserve", b.reserve());
    json.writeNumberField("budget", b.budget());
    json.writeNumberField("usable_connections", b.usable());
    json.writeNumberField("total_connections", plan.totalConnections());
    json.writeNumberField("free_connections", plan.freeConnections());
    json.writeStringField("status", plan.status().label());
    var database = plan.deployment().database();
    if (database.name().isPresent()) {
      json.writeStringField("database", database.name().get());
    }
    json.writeNumberField("headroom", b.headroom());
    json.writeNumberField("headroom_cap", b.headroomCap());
    json.writeNumberField("superuser_reserved_connections", b.superuserReserved());
    json.writeNumberField("reserved_connections", b.reservedConnections());
    json.writeNumberField("total_instances", plan.totalInstances());
    json.writeStringField("split", plan.split().kind().name().toLowerCase(Locale.ROOT));
    if (plan.rollouts() == Rollouts.ONE_AT_A_TIME) {
      json.writeStringField("rollouts", plan.rollouts().key());
      json.writeNumberField("steady_connections", plan.steadyTotalConnections());
      if (plan.worstRollout().isPresent()) {
        json.writeStringField("worst_rollout", plan.worstRollout().get().name());
        json.writeNumberField(
            "worst_rollout_connections", plan.worstRollout().get().surgeConnections());
      }
    }
    if (plan.hasCaps()) {
      json.writeNumberField("unallocated_connections", plan.unallocatedConnections());
    }
    boolean pooled = !plan.deployment().poolers().isEmpty();
    json.writeArrayFieldStart("apps");
    for (AppPlan app : plan.apps()) {
      ClientSettings settings = report.settings(app.name());
      writeApp(
          json,
          app,
          settings.maskedUrl(),
          withSettings ? settings.settings() : List.of(),
          report.sources(app.name()),
          pooled);
    }
    json.writeEndArray();
    if (pooled) {
      writePoolers(json, plan.poolers());
    }
    writeFindings(json, plan.findings());
    json.writeEndObject();
  }

  /** The findings array, as every JSON output of poolcalc writes it. */
  static void writeFindings(JsonGenerator json, List<Finding> findings) throws IOException {
    json.writeArrayFieldStart("findings");
    for (Finding f : findings) {
      json.writeStartObject();
      json.writeStringField("severity", f.severity().label());
      json.writeStringField("code", f.code());
      json.writeStringField("message", f.message());
      if (f.app().isPresent()) {
        json.writeStringField("app", f.app().get());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeApp(
      JsonGenerator json,
      AppPlan app,
      Optional<String> databaseUrl,
      List<Setting> settings,
      SortedMap<String, ValueSource> sources,
      boolean pooled)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", app.name());
    json.writeNumberField("replicas", app.peakReplicas());
    json.writeNumberField("steady_replicas", app.steadyReplicas());
    json.writeNumberField("processes", app.app().processes());
    json.writeNumberField("instances", app.instances());
    json.writeNumberField("connection_limit", app.connectionLimit());
    json.writeNumberField("total_connections", app.totalConnections());
    if (databaseUrl.isPresent()) {
      json.writeStringField("database_url", databaseUrl.get());
    }
    if (app.app().replicas().range()) {
      json.writeNumberField("min_replicas", app.app().replicas().min());
    }
    if (app.app().rollout().isPresent()) {
      writeRollout(json, app.app().rollout().get(), app.steadyReplicas());
    }
    json.writeStringField("limit_source", app.source().name().toLowerCase(Locale.ROOT));
    if (app.source() != LimitSource.FIXED && app.app().weight().isPresent()) {
      BigDecimal weight = app.app().weight().get();
      json.writeNumberField("weight", weight);
    }
    if (app.app().maxConnectionLimit().isPresent()) {
      json.writeNumberField("max_connection_limit", app.app().maxConnectionLimit().getAsLong());
    }
    if (app.load().isPresent()) {
      writeDemand(json, app.load().get());
    }
    json.writeNumberField("pool_timeout", app.app().poolTimeout());
    json.writeNumberField("connect_timeout", app.app().connectTimeout());
    json.writeStringField("client", app.app().client().key());
    if (pooled) {
      // Only where the file has poolers, so every file without them prints as before.
      json.writeFieldName("via");
      if (app.app().via().isPresent()) {
        json.writeString(app.app().via().get());
      } else {
        json.writeNull();
      }
    }
    if (!settings.isEmpty()) {
      json.writeObjectFieldStart("settings");
      for (Setting setting : settings) {
        if (setting.numeric()) {
          json.writeNumberField(setting.name(), Long.parseLong(setting.value()));
        } else {
          json.writeStringField(setting.name(), setting.value());
        }
      }
      json.writeEndObject();
    }
    writeSources(json, sources);
    json.writeEndObject();
  }

  /** Each pooler's server side and client side (README, "Behind a pooler"). */
  private static void writePoolers(JsonGenerator json, List<PoolerPlan> poolers)
      throws IOException {
    json.writeArrayFieldStart("poolers");
    for (PoolerPlan p : poolers) {
      json.writeStartObject();
      json.writeStringField("name", p.name());
      json.writeStringField("kind", p.pooler().kind().key());
      json.writeFieldName("pool_mode");
      if (p.pooler().poolMode().isPresent()) {
        json.writeString(p.pooler().poolMode().get().key());
      } else {
        json.writeNull();
      }
      json.writeNumberField("server_connections", p.serverConnections());
      writeOptional(json, "client_capacity", p.clientCapacity());
      writeOptional(json, "client_budget", p.clientBudget());
      json.writeNumberField("client_connections", p.clientConnections());
      json.writeStringField("status", p.status().label());
      json.writeNumberField("replicas", p.pooler().replicas());
      json.writeNumberField("pairs", p.pooler().pairs());
      json.writeArrayFieldStart("apps");
      for (AppPlan app : p.apps()) {
        json.writeString(app.name());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeOptional(JsonGenerator json, String key, OptionalLong value)
      throws IOException {
    if (value.isPresent()) {
      json.writeNumberField(key, value.getAsLong());
    } else {
      json.writeNullField(key);
    }
  }

  /**
   * The demand as written and how the pools cope with it (DESIGN's per-app {@code demand}); the
   * computed numbers through {@link Numbers#significant}, the one rounding of JSON's demand
   * numbers.
   */
  private static void writeDemand(JsonGenerator json, PoolLoad load) throws IOException {
    json.writeObjectFieldStart("demand");
    json.writeNumberField("requests_per_second", load.demand().requestsPerSecond());
    json.writeNumberField("db_time_ms", load.demand().dbTimeMs());
    json.writeNumberField("wait_ms", load.demand().waitMs());
    json.writeNumberField("requests_per_pool", Numbers.significant(load.requestsPerPool()));
    json.writeNumberField("offered_load", Numbers.significant(load.offeredLoad()));
    json.writeBooleanField("saturated", load.saturated());
    json.writeNumberField("wait_probability", Numbers.significant(load.waitProbability()));
    json.writeNumberField("long_wait_probability", Numbers.significant(load.longWaitProbability()));
    json.writeNumberField("timeout_probability", Numbers.significant(load.timeoutProbability()));
    if (load.saturated()) {
      json.writeNullField("mean_wait_ms");
    } else {
      json.writeNumberField("mean_wait_ms", Numbers.significant(load.meanWaitMs()));
    }
    json.writeNumberField("needed_limit", load.neededLimit());
    json.writeEndObject();
  }

  /** What from: read, each with the manifest's file, line, column and field. */
  private static void writeSources(JsonGenerator json, SortedMap<String, ValueSource> sources)
      throws IOException {
    if (sources.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart("sources");
    for (var source : sources.entrySet()) {
      json.writeObjectFieldStart(source.getKey());
      json.writeStringField("file", source.getValue().location().file());
      json.writeNumberField("line", source.getValue().location().line());
      json.writeNumberField("column", source.getValue().location().column());
      json.writeStringField("field", source.getValue().field());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** The rollout as written, with the replicas it adds at its peak. */
  private static void writeRollout(JsonGenerator json, Rollout rollout, long replicas)
      throws IOException {
    json.writeObjectFieldStart("rollout");
    json.writeStringField("strategy", rollout.strategy().key());
    if (rollout.strategy() == Rollout.Strategy.ROLLING) {
      writeStep(json, "max_surge", rollout.maxSurge());
      writeStep(json, "max_unavailable", rollout.maxUnavailable());
    }
    json.writeNumberField("surge_replicas", rollout.surgeReplicas(replicas));
    json.writeNumberField("terminating_replicas", rollout.terminatingReplicas(replicas));
    json.writeEndObject();
  }

  /** "25%" as a string, a count as a number: as the file has it. */
  private static void writeStep(JsonGenerator json, String key, Amount step) throws IOException {
    if (step.percent()) {
      json.writeStringField(key, step.toString());
    } else {
      json.writeNumberField(key, step.value().longValueExact());
    }
  }
}
