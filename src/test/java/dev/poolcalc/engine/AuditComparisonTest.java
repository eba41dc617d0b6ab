package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AuditComparisonTest {

  /** The source document's production plan: 3 web + 2 bot replicas at 17 each, 85 of 100. */
  private static final Plan PRODUCTION =
      Sizing.plan(
          new Deployment(
              Database.of(100, Amount.count(15)),
              List.of(
                  App.of("exchanger-web", Replicas.fixed(3), 1),
                  App.of("exchanger-telegram", Replicas.fixed(2), 1))));

  private static final ServerSettings PG17 =
      new ServerSettings("17.11", 17, 100, 3, OptionalLong.of(0));
  private static final ServerSettings PG14 =
      new ServerSettings("14.22", 14, 100, 3, OptionalLong.empty());

  @Test
  void theSourceDocumentsMonitoringResultFitsThePlan() {
    AuditComparison audit =
        AuditComparison.of(
            PRODUCTION,
            observe(
                PG17,
                new SessionGroup("exchanger-web", 3, 12, 0, 0, 0),
                new SessionGroup("exchanger-telegram", 2, 8, 0, 0, 0),
                new SessionGroup("pgAdmin", 0, 1, 0, 0, 0)));

    assertThat(audit.status()).isEqualTo(AuditStatus.OK);
    assertThat(audit.plannedTotal()).isEqualTo(85);
    assertThat(audit.observedTotal()).isEqualTo(26);
    assertThat(audit.apps())
        .extracting(
            AuditComparison.AppUsage::name,
            AuditComparison.AppUsage::plannedConnections,
            AuditComparison.AppUsage::observedConnections,
            AuditComparison.AppUsage::over)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("exchanger-web", 51L, 15L, false),
            org.assertj.core.groups.Tuple.tuple("exchanger-telegram", 34L, 10L, false));
    assertThat(audit.unplanned()).containsExactly(new AuditComparison.Unplanned("pgAdmin", 1));
    assertThat(audit.findings()).extracting(Finding::code).containsExactly("unplanned-connections");
    assertThat(audit.utilizationPercent()).isEqualByComparingTo("26.0");
  }

  @Test
  void anAppOneOverItsPlanIsDriftNamingInstancesAndLimit() {
    AuditComparison audit =
        AuditComparison.of(
            PRODUCTION, observe(PG17, new SessionGroup("exchanger-telegram", 0, 35, 0, 0, 0)));

    assertThat(audit.status()).isEqualTo(AuditStatus.DRIFT);
    Finding finding = audit.findings().get(0);
    assertThat(finding.code()).isEqualTo("app-over-plan");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.app()).contains("exchanger-telegram");
    assertThat(finding.message())
        .startsWith(
            "exchanger-telegram holds 35 connections, 1 over its plan of 34 (2 instances × 17)");
  }

  @Test
  void exactlyThePlannedMaximumIsNotDrift() {
    AuditComparison audit =
        AuditComparison.of(
            PRODUCTION,
            observe(
                PG17,
                new SessionGroup("exchanger-web", 1, 50, 0, 0, 0),
                new SessionGroup("exchanger-telegram", 0, 33, 1, 0, 0)));

    assertThat(audit.status()).isEqualTo(AuditStatus.OK);
    assertThat(audit.findings()).isEmpty();
  }

  @Test
  void unplannedConnectionsAloneWarnButAreNotDriftAndListMostFirst() {
    AuditComparison audit =
        AuditComparison.of(
            PRODUCTION,
            observe(
                PG17,
                new SessionGroup("", 0, 1, 0, 0, 0),
                new SessionGroup("psql", 0, 3, 0, 0, 0),
                new SessionGroup("pgAdmin", 0, 1, 0, 0, 0)));

    assertThat(audit.status()).isEqualTo(AuditStatus.OK);
    assertThat(audit.unplanned())
        .extracting(AuditComparison.Unplanned::applicationName)
        .containsExactly("psql", "", "pgAdmin");
    assertThat(audit.findings().get(0).message())
        .startsWith(
            "5 connections come from application_names no app in the file has"
                + " (3 × \"psql\", 1 × (none), 1 × \"pgAdmin\")");
  }

  @Test
  void everyStateIsCountedAndHiddenOnesAreOther() {
    AuditComparison audit =
        AuditComparison.of(
            PRODUCTION,
            new Observation(
                PG17,
                "exchanger_db",
                "app",
                false,
                false,
                false,
                List.of(new SessionGroup("exchanger-web", 1, 2, 3, 4, 5)),
                7));

    AuditComparison.AppUsage web = audit.apps().get(0);
    assertThat(web.observedConnections()).isEqualTo(15);
    assertThat(web.other()).isEqualTo(9);
    assertThat(audit.utilizationPercent()).isEqualByComparingTo("22.0");
    Finding limited = audit.findings().get(0);
    assertThat(limited.code()).isEqualTo("limited-view");
    assertThat(limited.severity()).isEqualTo(Severity.WARNING);
    assertThat(limited.message())
        .isEqualTo(
            "role app lacks pg_read_all_stats: 5 connections of other roles show only their"
                + " application_name, so their state is counted as other;"
                + " GRANT pg_read_all_stats TO app to see it");
  }

  @Test
  void aServerWithOtherSettingsThanTheFileIsDrift() {
    ServerSettings bigger = new ServerSettings("17.11", 17, 200, 5, OptionalLong.of(2));

    AuditComparison audit = AuditComparison.of(PRODUCTION, observe(bigger));

    assertThat(audit.status()).isEqualTo(AuditStatus.DRIFT);
    assertThat(audit.findings())
        .extracting(Finding::message)
        .containsExactly(
            "the server's max_connections is 200 but the file says 100: set"
                + " database.max_connections to 200 and plan again",
            "the server's superuser_reserved_connections is 5 but the file says 3: set"
                + " database.superuser_reserved_connections to 5 and plan again",
            "the server's reserved_connections is 2 but the file says 0: set"
                + " database.reserved_connections to 2 and plan again");
  }

  @Test
  void reservedConnectionsInTheFileOnAServerBefore16IsDrift() {
    Database file =
        new Database(
            java.util.Optional.empty(),
            100,
            Amount.count(15),
            Database.DEFAULT_HEADROOM,
            3,
            2,
            java.util.Optional.empty());

    assertThat(ServerCheck.differences(file, PG14))
        .extracting(Finding::message)
        .containsExactly(
            "the file sets database.reserved_connections 2, but PostgreSQL 14 has no such"
                + " setting (it came in 16): set it to 0 or remove it");
    assertThat(ServerCheck.differences(PRODUCTION.deployment().database(), PG14)).isEmpty();
  }

  /** web goes through a PgBouncer of 1 process × 1 pair × (5 + 0) = 5; admin connects directly. */
  private static final Plan BEHIND_BOUNCER =
      Sizing.plan(
          new Deployment(
              Database.of(100, Amount.count(15)),
              List.of(
                  App.of("web", Replicas.fixed(4), 1).withVia("bouncer"),
                  App.of("admin", Replicas.fixed(1), 1)),
              List.of(
                  Pooler.pgbouncer("bouncer")
                      .withPoolMode(PoolMode.TRANSACTION)
                      .withPgbouncerPools(5, 0, 0))));

  @Test
  void aPoolersServerConnectionsAreItsAppsApplicationNamesHeldAgainstItsServerTotal() {
    AuditComparison audit =
        AuditComparison.of(
            BEHIND_BOUNCER,
            observe(
                PG17,
                new SessionGroup("web", 1, 3, 0, 0, 0),
                new SessionGroup("admin", 0, 1, 0, 0, 0),
                new SessionGroup("", 0, 1, 0, 0, 0)));

    assertThat(audit.poolers())
        .containsExactly(
            new AuditComparison.PoolerUsage(
                "bouncer", PoolerKind.PGBOUNCER, List.of("web"), 5, 4, 1, 3, 0, 0));
    assertThat(audit.apps()).extracting(AuditComparison.AppUsage::name).containsExactly("admin");
    assertThat(audit.unplanned()).containsExactly(new AuditComparison.Unplanned("", 1));
    assertThat(audit.status()).isEqualTo(AuditStatus.OK);
  }

  @Test
  void aPoolerOverItsServerTotalIsDrift() {
    AuditComparison audit =
        AuditComparison.of(BEHIND_BOUNCER, observe(PG17, new SessionGroup("web", 0, 6, 0, 0, 0)));

    assertThat(audit.status()).isEqualTo(AuditStatus.DRIFT);
    assertThat(audit.poolers().get(0).over()).isTrue();
    assertThat(audit.findings()).extracting(Finding::code).containsExactly("pooler-over-plan");
    assertThat(audit.findings().get(0).message())
        .startsWith("pooler bouncer holds 6 server connections, 1 over its plan of 5:");
  }

  private static Observation observe(ServerSettings server, SessionGroup... groups) {
    return new Observation(
        server, "exchanger_db", "monitor", false, true, false, List.of(groups), 0);
  }
}
