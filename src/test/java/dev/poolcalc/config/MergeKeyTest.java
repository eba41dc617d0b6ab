package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.App;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Deployment;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * YAML merge keys ({@code <<: *defaults}, https://yaml.org/type/merge) and top-level {@code x-}
 * keys: the values an app inherits, which of two wins, and where a bad inherited value is reported.
 */
class MergeKeyTest {

  private static final String DB = "database:\n  max_connections: 100\n";

  private static Deployment read(String text) throws InvalidInputException {
    return DeploymentReader.parse("d.yaml", text).deployment();
  }

  private static List<String> problems(String text) {
    try {
      DeploymentReader.parse("d.yaml", text);
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected the file to be refused");
  }

  @Test
  void anAppInheritsTheAnchorsKeysAndItsOwnWin() throws InvalidInputException {
    Deployment d =
        read(
            "x-defaults: &defaults\n"
                + "  replicas: 3\n"
                + "  pool_timeout: 7\n"
                + "  client: prisma\n"
                + DB
                + "apps:\n"
                + "  - name: web\n"
                + "    <<: *defaults\n"
                + "  - replicas: 5\n" // written before the merge key: still wins
                + "    <<: *defaults\n"
                + "    name: worker\n");

    App web = d.apps().get(0);
    App worker = d.apps().get(1);
    assertThat(web.replicas().max()).isEqualTo(3);
    assertThat(web.poolTimeout()).isEqualTo(7);
    assertThat(web.client()).isEqualTo(Client.PRISMA);
    assertThat(worker.replicas().max()).isEqualTo(5);
    assertThat(worker.poolTimeout()).isEqualTo(7);
  }

  @Test
  void ofSeveralMergedMappingsTheEarlierWins() throws InvalidInputException {
    Deployment d =
        read(
            "x-small: &small {replicas: 1, pool_timeout: 4}\n"
                + "x-big: &big {replicas: 9, connection_limit: 6}\n"
                + DB
                + "apps:\n"
                + "  - name: web\n"
                + "    <<: [*small, *big]\n");

    App web = d.apps().get(0);
    assertThat(web.replicas().max()).isEqualTo(1);
    assertThat(web.poolTimeout()).isEqualTo(4);
    assertThat(web.connectionLimit()).isEqualTo(OptionalLong.of(6));
  }

  @Test
  void theDatabaseAndPoolersMergeToo() throws InvalidInputException {
    Deployment d =
        read(
            "x-db: &db\n  max_connections: 200\n  reserve: 10\n"
                + "x-bouncer: &bouncer\n  kind: pgbouncer\n  default_pool_size: 15\n"
                + "database:\n  <<: *db\n  max_connections: 300\n"
                + "poolers:\n  - name: b\n    <<: *bouncer\n"
                + "apps:\n  - name: web\n    replicas: 2\n    via: b\n");

    assertThat(d.database().maxConnections()).isEqualTo(300);
    assertThat(d.poolers().get(0).defaultPoolSize()).isEqualTo(15);
  }

  @Test
  void aBadValueFromAnAnchorPointsAtTheAnchor() {
    List<String> problems =
        problems(
            "x-defaults: &defaults\n"
                + "  replicas: 0\n"
                + "  pool_timout: 7\n"
                + DB
                + "apps:\n"
                + "  - name: web\n"
                + "    <<: *defaults\n");

    assertThat(problems)
        .containsExactly(
            "d.yaml:2:13: error: apps[0].replicas must be at least 1 (got 0)",
            "d.yaml:3:3: error: unknown key apps[0].pool_timout; did you mean 'pool_timeout'?");
  }

  @Test
  void aMergeKeyTakesOnlyMappings() {
    assertThat(problems(DB + "apps:\n  - name: web\n    replicas: 2\n    <<: [3]\n"))
        .containsExactly(
            "d.yaml:6:10: error: the merge key << takes a mapping or a list of mappings, such as"
                + " *defaults or [*a, *b] (got 3)");
  }

  @Test
  void xKeysAreIgnoredOnlyAtTheTopLevel() throws InvalidInputException {
    assertThat(
            read("x-notes: anything\nx-list: [1, 2]\n"
                    + DB
                    + "apps:\n  - name: web\n    replicas: 1\n")
                .apps())
        .hasSize(1);
    assertThat(problems(DB + "apps:\n  - name: web\n    replicas: 1\n    x-team: payments\n"))
        .containsExactly(
            "d.yaml:6:5: error: unknown key apps[0].x-team; known keys: "
                + String.join(", ", InputKeys.APP.names()));
  }

  @Test
  void twoMergeKeysInOneMappingAreADuplicate() {
    assertThat(
            problems(
                "x-a: &a {replicas: 1}\n" + DB + "apps:\n  - name: web\n    <<: *a\n    <<: *a\n"))
        .containsExactly(
            "d.yaml:7:5: error: duplicate key '<<' (first written at line 6); keep one");
  }
}
