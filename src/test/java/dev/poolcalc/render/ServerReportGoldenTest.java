package dev.poolcalc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.engine.AuditComparison;
import dev.poolcalc.engine.Observation;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerRehearsal;
import dev.poolcalc.engine.PoolerRehearsalResult;
import dev.poolcalc.engine.Rehearsal;
import dev.poolcalc.engine.RehearsalResult;
import dev.poolcalc.engine.ServerSettings;
import dev.poolcalc.engine.SessionGroup;
import dev.poolcalc.report.Report;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden snapshots of the audit and rehearsal reports, which otherwise need a live server: each
 * case is a fixed observation of a server (the numbers an audit or rehearsal of the examples would
 * read) rendered as text and JSON and compared with {@code golden/server/<case>}. The server-side
 * tests (AuditCommandTest, RehearseCommandTest) prove the observations are read right; these pin
 * what is made of them. {@code -Dgolden.update=true} rewrites them.
 */
class ServerReportGoldenTest {

  private static final Path DIR = Path.of("src/test/resources/golden/server");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String ENDPOINT = "db.internal:5432/exchanger_db as app";
  private static final ServerSettings PG17 =
      new ServerSettings("17.11", 17, 100, 3, OptionalLong.of(0));

  static Stream<Arguments> cases() throws Exception {
    Plan production = plan("examples/production.yaml");
    Plan scaledOut = plan("examples/scenario-2-scaled-out.yaml");
    Observation asPlanned =
        observe(
            true,
            List.of(
                new SessionGroup("exchanger-web", 7, 44, 0, 0, 0),
                new SessionGroup("exchanger-telegram", 2, 31, 1, 0, 0)),
            0);
    Observation overAndUnplanned =
        observe(
            true,
            List.of(
                new SessionGroup("exchanger-web", 20, 40, 0, 0, 0),
                new SessionGroup("exchanger-telegram", 3, 30, 0, 0, 0),
                new SessionGroup("psql", 1, 0, 0, 0, 0),
                new SessionGroup("", 0, 2, 0, 0, 0)),
            4);
    Observation limitedView =
        observe(false, List.of(new SessionGroup("exchanger-web", 0, 0, 0, 0, 51)), 0);
    Plan pgbouncer = plan("examples/pgbouncer.yaml");
    // examples/pgbouncer.yaml's server: shop on PostgreSQL 17 with max_connections 200.
    Observation behindBouncer =
        new Observation(
            new ServerSettings("17.11", 17, 200, 3, OptionalLong.of(0)),
            "shop",
            "monitor",
            false,
            true,
            false,
            List.of(
                new SessionGroup("shop-web", 4, 30, 2, 0, 0),
                new SessionGroup("shop-worker", 1, 10, 0, 0, 0),
                new SessionGroup("shop-migrate", 0, 1, 0, 0, 0),
                new SessionGroup("", 0, 1, 0, 0, 0)),
            0);
    Observation emptyProbe = observe(false, List.of(), 0);
    Observation emptyShop =
        new Observation(
            new ServerSettings("17.11", 17, 200, 3, OptionalLong.of(0)),
            "shop",
            "shop_app",
            false,
            false,
            false,
            List.of(),
            0);

    return Stream.of(
            audit("audit-as-planned", production, asPlanned),
            audit("audit-over-and-unplanned", production, overAndUnplanned),
            audit("audit-limited-view", production, limitedView),
            audit("audit-behind-pgbouncer", pgbouncer, behindBouncer),
            rehearsal(
                "rehearse-held",
                new RehearsalResult(
                    production,
                    emptyProbe,
                    List.of(
                        new RehearsalResult.Opened("exchanger-web", 51, 51),
                        new RehearsalResult.Opened("exchanger-telegram", 34, 34)),
                    List.of(),
                    Optional.empty(),
                    Rehearsal.predictedRefusal(production, emptyProbe))),
            rehearsal(
                "rehearse-refused-as-predicted",
                new RehearsalResult(
                    scaledOut,
                    emptyProbe,
                    List.of(
                        new RehearsalResult.Opened("exchanger-web", 60, 60),
                        new RehearsalResult.Opened("exchanger-telegram", 40, 37)),
                    List.of(),
                    Optional.of(
                        new RehearsalResult.Refusal(
                            98,
                            "exchanger-telegram",
                            38,
                            "53300",
                            "FATAL: remaining connection slots are reserved for roles with the"
                                + " SUPERUSER attribute")),
                    Rehearsal.predictedRefusal(scaledOut, emptyProbe))),
            rehearsal(
                "rehearse-through-pgbouncer",
                new RehearsalResult(
                    pgbouncer,
                    emptyShop,
                    List.of(
                        new RehearsalResult.Opened("shop-migrate", 2, 2),
                        new RehearsalResult.Opened("shop-admin", 118, 118)),
                    List.of(),
                    Optional.empty(),
                    Rehearsal.predictedRefusal(pgbouncer, emptyShop),
                    List.of(
                        new PoolerRehearsalResult(
                            pgbouncer.poolers().get(0),
                            "bouncer.internal:6432",
                            List.of(
                                new RehearsalResult.Opened("shop-web", 670, 670),
                                new RehearsalResult.Opened("shop-worker", 176, 176)),
                            Optional.empty(),
                            846,
                            846,
                            Optional.empty(),
                            40,
                            PoolerRehearsalResult.ClientProbe.skipped(
                                PoolerRehearsal.probeSkipped(pgbouncer.poolers().get(0))
                                    .orElseThrow()))))),
            rehearsal(
                "rehearse-ended-during-hold",
                new RehearsalResult(
                    production,
                    emptyProbe,
                    List.of(
                        new RehearsalResult.Opened("exchanger-web", 51, 51),
                        new RehearsalResult.Opened("exchanger-telegram", 34, 34)),
                    List.of(
                        new RehearsalResult.Ended(
                            "exchanger-web",
                            1,
                            "FATAL: terminating connection due to administrator command (SQLSTATE"
                                + " 57P01)")),
                    Optional.empty(),
                    Rehearsal.predictedRefusal(production, emptyProbe))))
        .flatMap(c -> c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportMatchesGoldenFile(String name, String rendered) throws Exception {
    Path expected = DIR.resolve(name);
    if (UPDATE) {
      Files.writeString(expected, rendered, StandardCharsets.UTF_8);
    }
    assertThat(expected).exists();
    assertThat(rendered).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static Plan plan(String file) throws Exception {
    return Report.of(DeploymentReader.read(file, InputStream.nullInputStream(), Map.of())).plan();
  }

  private static Observation observe(
      boolean readsAllStats, List<SessionGroup> sessions, long otherDatabases) {
    return new Observation(
        PG17, "exchanger_db", "app", false, readsAllStats, false, sessions, otherDatabases);
  }

  private static Stream<Arguments> audit(String name, Plan plan, Observation observation) {
    AuditComparison audit = AuditComparison.of(plan, observation);
    return Stream.of(
        Arguments.of(name + ".txt", AuditTableRenderer.render(audit, ENDPOINT, Style.PLAIN)),
        Arguments.of(name + ".json", AuditJsonRenderer.render(audit)));
  }

  private static Stream<Arguments> rehearsal(String name, RehearsalResult result) {
    return Stream.of(
        Arguments.of(name + ".txt", RehearsalRenderer.render(result, ENDPOINT, Style.PLAIN)),
        Arguments.of(name + ".json", RehearsalJsonRenderer.render(result, ENDPOINT)));
  }
}
