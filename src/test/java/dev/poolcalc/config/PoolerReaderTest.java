package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.PoolMode;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.PoolerKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PoolerReaderTest {

  private static final String DB = "database:\n  max_connections: 100\n";

  private static Deployment read(String text) throws InvalidInputException {
    return DeploymentReader.parse("d.yaml", DB + text, Map.of("PORT", "6432")).deployment();
  }

  private static List<String> problems(String text) {
    try {
      DeploymentReader.parse("d.yaml", DB + text);
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected the file to be refused");
  }

  @Test
  void aPgbouncerTakesPgbouncersOwnDefaults() throws InvalidInputException {
    Deployment d =
        read(
            "poolers:\n  - name: bouncer\n    kind: pgbouncer\n"
                + "apps:\n  - name: web\n    replicas: 2\n    via: bouncer\n");

    Pooler p = d.poolers().get(0);
    assertThat(p.kind()).isEqualTo(PoolerKind.PGBOUNCER);
    assertThat(p.replicas()).isEqualTo(1);
    assertThat(p.poolMode()).contains(PoolMode.SESSION);
    assertThat(p.defaultPoolSize()).isEqualTo(20);
    assertThat(p.reservePoolSize()).isZero();
    assertThat(p.maxDbConnections()).isZero();
    assertThat(p.maxClientConn()).isEqualTo(OptionalLong.of(100));
    assertThat(p.pairs()).isEqualTo(1);
    assertThat(d.apps().get(0).via()).contains("bouncer");
  }

  @Test
  void readsEverySettingWithVariables() throws InvalidInputException {
    Deployment d =
        read(
            "poolers:\n  - name: b\n    kind: pgbouncer\n    replicas: 2\n"
                + "    pool_mode: transaction\n    default_pool_size: 25\n"
                + "    reserve_pool_size: 5\n    max_db_connections: 40\n"
                + "    max_client_conn: 500\n    pairs: 2\n"
                + "    url: postgresql://app@bouncer:${PORT}/shop\n"
                + "apps:\n  - name: web\n    replicas: 2\n    via: b\n"
                + "    url: postgresql://app@other:6432/shop\n");

    Pooler p = d.poolers().get(0);
    // per process min(2 × (25 + 5), 40) = 40; × 2 replicas = 80
    assertThat(p.serverConnections(100)).isEqualTo(80);
    assertThat(p.clientCapacity()).isEqualTo(OptionalLong.of(1000));
    assertThat(p.url()).contains("postgresql://app@bouncer:6432/shop");
    assertThat(d.apps().get(0).url()).contains("postgresql://app@other:6432/shop");
  }

  @Test
  void supavisorAndRdsProxy() throws InvalidInputException {
    Deployment d =
        read(
            "poolers:\n  - name: s\n    kind: supavisor\n    pool_size: 15\n"
                + "    max_client_conn: 200\n  - name: p\n    kind: rds-proxy\n"
                + "    max_connections_percent: 45\n"
                + "apps:\n  - name: web\n    replicas: 2\n    via: s\n"
                + "  - name: job\n    replicas: 1\n    via: p\n    connection_limit: 3\n");

    assertThat(d.poolers().get(0).poolMode()).contains(PoolMode.TRANSACTION);
    assertThat(d.poolers().get(0).serverConnections(100)).isEqualTo(15);
    assertThat(d.poolers().get(1).poolMode()).isEmpty();
    // floor(100 × 45 / 100) = 45
    assertThat(d.poolers().get(1).serverConnections(100)).isEqualTo(45);
    assertThat(d.poolers().get(1).clientCapacity()).isEmpty();
  }

  @Test
  void anUnknownKindSuggestsTheClosest() {
    assertThat(
            problems(
                "poolers:\n  - name: b\n    kind: pgbouncr\napps:\n  - name: web\n    replicas: 1\n"))
        .containsExactly(
            "d.yaml:5:11: error: poolers[0].kind must be pgbouncer, supavisor or rds-proxy (got"
                + " \"pgbouncr\"); did you mean 'pgbouncer'?");
  }

  @Test
  void anUnknownKeySuggestsTheClosest() {
    assertThat(
            problems(
                "poolers:\n  - name: b\n    kind: pgbouncer\n    default_pool_sise: 5\n"
                    + "apps:\n  - name: web\n    replicas: 1\n"))
        .containsExactly(
            "d.yaml:6:5: error: unknown key poolers[0].default_pool_sise; did you mean"
                + " 'default_pool_size'?");
  }

  @Test
  void viaNamingNoPoolerSuggestsOne() {
    assertThat(
            problems(
                "poolers:\n  - name: bouncer\n    kind: pgbouncer\n"
                    + "apps:\n  - name: web\n    replicas: 1\n    via: bouncr\n"))
        .containsExactly(
            "d.yaml:9:10: error: apps[0].via names no pooler (\"bouncr\"); did you mean"
                + " 'bouncer'?");
  }

  @Test
  void aSettingOfAnotherKindIsRefused() {
    assertThat(
            problems(
                "poolers:\n  - name: p\n    kind: rds-proxy\n    pool_mode: session\n"
                    + "    default_pool_size: 5\napps:\n  - name: web\n    replicas: 1\n"
                    + "    via: p\n    connection_limit: 2\n"))
        .containsExactly(
            "d.yaml:6:16: error: poolers[0].pool_mode is not a rds-proxy setting (only pgbouncer"
                + " and supavisor has it); remove it",
            "d.yaml:7:24: error: poolers[0].default_pool_size is not a rds-proxy setting (only"
                + " pgbouncer has it); remove it");
  }

  @Test
  void namesAreUniqueAcrossAppsAndPoolers() {
    assertThat(
            problems(
                "poolers:\n  - name: web\n    kind: pgbouncer\n"
                    + "apps:\n  - name: web\n    replicas: 1\n"))
        .containsExactly(
            "d.yaml:7:11: error: apps[0].name \"web\" is already used by the pooler at line 4;"
                + " names must be unique");
  }

  @Test
  void supavisorNeedsPoolSizeAndMaxClientConn() {
    assertThat(
            problems(
                "poolers:\n  - name: s\n    kind: supavisor\n"
                    + "apps:\n  - name: web\n    replicas: 1\n    via: s\n"))
        .containsExactly(
            "d.yaml:4:5: error: poolers[0].pool_size is required for supavisor: the server"
                + " connections per (user, database) pair, as its pool size setting shows",
            "d.yaml:4:5: error: poolers[0].max_client_conn is required for supavisor: the client"
                + " connections it accepts");
  }

  @Test
  void anRdsProxyWithoutClientLimitNeedsFixedLimitsBehindIt() {
    assertThat(
            problems(
                "poolers:\n  - name: p\n    kind: rds-proxy\n"
                    + "apps:\n  - name: web\n    replicas: 1\n    via: p\n"))
        .containsExactly(
            "d.yaml:9:10: error: apps[0] goes through p, an rds-proxy without max_client_conn, so"
                + " there is no client budget to divide: set apps[0].connection_limit, or"
                + " max_client_conn on the pooler");
  }

  @Test
  void aPoolerUrlIsValidatedAtItsPlace() {
    List<String> problems =
        problems(
            "poolers:\n  - name: b\n    kind: pgbouncer\n    url: mysql://x\n"
                + "apps:\n  - name: web\n    replicas: 1\n");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("d.yaml:6:10: error: poolers[0].url is not a usable");
  }

  @Test
  void aFileWithoutPoolersHasNone() throws InvalidInputException {
    Deployment d = read("apps:\n  - name: web\n    replicas: 1\n");
    assertThat(d.poolers()).isEmpty();
    assertThat(d.apps().get(0).via()).isEqualTo(Optional.empty());
  }
}
