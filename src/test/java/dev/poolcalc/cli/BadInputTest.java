package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per kind of bad input: each must be refused with exit code 2, no stack trace, the line
 * and column to fix, and the key path named.
 */
class BadInputTest {

  private static final String OK_DATABASE = "database:\n  max_connections: 100\n";
  private static final String OK_APPS = "apps:\n  - name: web\n    replicas: 3\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        bad("empty file", "", "d.yaml: error: the file is empty"),
        bad("only a comment", "# nothing yet\n", "d.yaml: error: the file is empty"),
        bad(
            "not YAML",
            "database: [1, 2\n",
            "d.yaml:1:11: error: this '[' is not closed before line 2"),
        bad(
            "tab indentation",
            "database:\n\tmax_connections: 100\n",
            "d.yaml:2:1: error: a tab character indents this line"),
        bad(
            "top level is a list",
            "- web\n- bot\n",
            "d.yaml:1:1: error: the top level must be a mapping"),
        bad(
            "top level is a string",
            "hello\n",
            "d.yaml:1:1: error: the top level must be a mapping"),
        bad("missing database", OK_APPS, "d.yaml:1:1: error: database is required"),
        bad(
            "database not a mapping",
            "database: 100\n" + OK_APPS,
            "d.yaml:1:11: error: database must be a mapping"),
        bad(
            "missing max_connections",
            "database:\n  reserve: 15\n" + OK_APPS,
            "d.yaml:2:3: error: database.max_connections is required"),
        bad(
            "max_connections a string",
            "database:\n  max_connections: \"100\"\n" + OK_APPS,
            "d.yaml:2:20: error: database.max_connections must be a whole number (got string \"100\")"),
        bad(
            "max_connections zero",
            "database:\n  max_connections: 0\n" + OK_APPS,
            "d.yaml:2:20: error: database.max_connections must be at least 1 (got 0)"),
        bad(
            "max_connections negative",
            "database:\n  max_connections: -5\n" + OK_APPS,
            "d.yaml:2:20: error: database.max_connections must be at least 1 (got -5)"),
        bad(
            "max_connections fractional",
            "database:\n  max_connections: 99.5\n" + OK_APPS,
            "d.yaml:2:20: error: database.max_connections must be a whole number (got 99.5)"),
        bad(
            "max_connections too large",
            "database:\n  max_connections: 99999999999999999999999\n" + OK_APPS,
            "d.yaml:2:20: error: database.max_connections must be at most 262143"),
        bad(
            "reserve equals max_connections",
            "database:\n  max_connections: 100\n  reserve: 100\n" + OK_APPS,
            "d.yaml:3:12: error: database.reserve (100 = 100 connections) must be less than max_connections (100)"),
        bad(
            "reserve negative",
            "database:\n  max_connections: 100\n  reserve: -1\n" + OK_APPS,
            "d.yaml:3:12: error: database.reserve must be at least 0 (got -1)"),
        bad(
            "reserve bad percentage",
            "database:\n  max_connections: 100\n  reserve: \"fifteen%\"\n" + OK_APPS,
            "d.yaml:3:12: error: database.reserve must be a whole number or a percentage"),
        bad(
            "reserve percentage of 100",
            "database:\n  max_connections: 100\n  reserve: 100%\n" + OK_APPS,
            "d.yaml:3:12: error: database.reserve must be below 100% (got 100%)"),
        bad(
            "reserve percentage rounding to max",
            "database:\n  max_connections: 10\n  reserve: 95%\n" + OK_APPS,
            "d.yaml:3:12: error: database.reserve (95% = 10 connections) must be less than max_connections (10)"),
        bad(
            "headroom zero",
            "database:\n  max_connections: 100\n  headroom: 0\n" + OK_APPS,
            "d.yaml:3:13: error: database.headroom must be greater than 0 and at most 1 (got 0)"),
        bad(
            "headroom above one",
            "database:\n  max_connections: 100\n  headroom: 1.01\n" + OK_APPS,
            "d.yaml:3:13: error: database.headroom must be greater than 0 and at most 1 (got 1.01)"),
        bad(
            "headroom a string",
            "database:\n  max_connections: 100\n  headroom: high\n" + OK_APPS,
            "d.yaml:3:13: error: database.headroom must be a number in (0, 1]"),
        bad(
            "reserved slots fill the server",
            "database:\n  max_connections: 5\n  superuser_reserved_connections: 3\n  reserved_connections: 2\n"
                + OK_APPS,
            "d.yaml:3:35: error: superuser_reserved_connections (3) + reserved_connections (2) must be less than max_connections (5)"),
        bad("missing apps", OK_DATABASE, "d.yaml:1:1: error: apps is required"),
        bad(
            "empty apps",
            OK_DATABASE + "apps: []\n",
            "d.yaml:3:7: error: apps must list at least one application"),
        bad(
            "apps not a list",
            OK_DATABASE + "apps:\n  web: 3\n",
            "d.yaml:4:3: error: apps must be a list"),
        bad(
            "app not a mapping",
            OK_DATABASE + "apps:\n  - web\n",
            "d.yaml:4:5: error: apps[0] must be a mapping"),
        bad(
            "missing app name",
            OK_DATABASE + "apps:\n  - replicas: 3\n",
            "d.yaml:4:5: error: apps[0].name is required"),
        bad(
            "invalid app name",
            OK_DATABASE + "apps:\n  - name: my web\n    replicas: 3\n",
            "d.yaml:4:11: error: apps[0].name must be 1–63 characters"),
        bad(
            "app name too long",
            OK_DATABASE + "apps:\n  - name: " + "a".repeat(64) + "\n    replicas: 3\n",
            "d.yaml:4:11: error: apps[0].name must be 1–63 characters"),
        bad(
            "duplicate app names",
            OK_DATABASE + OK_APPS + "  - name: web\n    replicas: 1\n",
            "d.yaml:6:11: error: apps[1].name \"web\" is already used by the app at line 4"),
        bad(
            "missing replicas",
            OK_DATABASE + "apps:\n  - name: web\n",
            "d.yaml:4:5: error: apps[0].replicas is required"),
        bad(
            "replicas zero",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 0\n",
            "d.yaml:5:15: error: apps[0].replicas must be at least 1 (got 0)"),
        bad(
            "replicas fractional",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 2.5\n",
            "d.yaml:5:15: error: apps[0].replicas must be a whole number (got 2.5)"),
        bad(
            "replicas a boolean",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: true\n",
            "d.yaml:5:15: error: apps[0].replicas must be a whole number (got true)"),
        bad(
            "replicas min above max",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: {min: 5, max: 2}\n",
            "d.yaml:5:21: error: apps[0].replicas.min (5) must not exceed apps[0].replicas.max (2)"),
        bad(
            "replicas max zero",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: {min: 0, max: 0}\n",
            "d.yaml:5:29: error: apps[0].replicas.max must be at least 1 (got 0)"),
        bad(
            "replicas range without max",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: {min: 1}\n",
            "d.yaml:5:15: error: apps[0].replicas.max is required"),
        bad(
            "processes zero",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 1\n    processes: 0\n",
            "d.yaml:6:16: error: apps[0].processes must be at least 1 (got 0)"),
        bad(
            "connection_limit zero",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 1\n    connection_limit: 0\n",
            "d.yaml:6:23: error: apps[0].connection_limit must be at least 1 (got 0)"),
        bad(
            "connection_limit with weight",
            OK_DATABASE
                + "apps:\n  - name: web\n    replicas: 1\n    connection_limit: 5\n    weight: 2\n",
            "d.yaml:7:13: error: apps[0].weight cannot be set together with connection_limit"),
        bad(
            "weight zero",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 1\n    weight: 0\n",
            "d.yaml:6:13: error: apps[0].weight must be greater than 0"),
        bad(
            "pool_timeout negative",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 1\n    pool_timeout: -1\n",
            "d.yaml:6:19: error: apps[0].pool_timeout must be at least 0 (got -1)"),
        bad(
            "unknown top-level key",
            "databse:\n  max_connections: 100\n" + OK_APPS,
            "d.yaml:1:1: error: unknown key databse; did you mean 'database'?"),
        bad(
            "unknown app key",
            OK_DATABASE + "apps:\n  - name: web\n    replica: 3\n",
            "d.yaml:5:5: error: unknown key apps[0].replica; did you mean 'replicas'?"),
        bad(
            "unknown key far from any",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 3\n    colour: blue\n",
            "d.yaml:6:5: error: unknown key apps[0].colour; known keys: name, replicas"),
        bad(
            "duplicate key",
            "database:\n  max_connections: 100\n  max_connections: 200\n" + OK_APPS,
            "d.yaml:3:3: error: duplicate key 'max_connections' (first written at line 2)"),
        bad(
            "unsupported version",
            "version: 2\n" + OK_DATABASE + OK_APPS,
            "d.yaml:1:10: error: unsupported version 2: this poolcalc reads version 1"),
        bad(
            "pooler of unknown kind",
            OK_DATABASE + "poolers:\n  - name: b\n    kind: pgbouncr\n" + OK_APPS,
            "d.yaml:5:11: error: poolers[0].kind must be pgbouncer, supavisor or rds-proxy"),
        bad(
            "via naming no pooler",
            OK_DATABASE
                + "poolers:\n  - name: bouncer\n    kind: pgbouncer\n"
                + OK_APPS
                + "    via: bouncr\n",
            "d.yaml:9:10: error: apps[0].via names no pooler (\"bouncr\"); did you mean"
                + " 'bouncer'?"),
        bad(
            "via without poolers",
            OK_DATABASE + OK_APPS + "    via: bouncer\n",
            "d.yaml:6:10: error: apps[0].via names no pooler (\"bouncer\"); list it under"
                + " poolers:"),
        bad(
            "pooler setting of another kind",
            OK_DATABASE
                + "poolers:\n  - name: s\n    kind: supavisor\n    pool_size: 5\n"
                + "    max_client_conn: 50\n    default_pool_size: 5\n"
                + OK_APPS,
            "d.yaml:8:24: error: poolers[0].default_pool_size is not a supavisor setting"),
        bad(
            "managed pooler without a provider",
            OK_DATABASE
                + "poolers:\n  - name: p\n    kind: pgbouncer\n    managed: true\n"
                + OK_APPS,
            "d.yaml:6:14: error: poolers[0].managed needs database.provider and"
                + " database.instance naming a size the catalog knows"),
        bad(
            "managed pooler on a provider whose pooler the catalog does not know",
            "database:\n  provider: aws-rds\n  instance: db.t3.medium\n"
                + "poolers:\n  - name: p\n    kind: pgbouncer\n    managed: true\n"
                + OK_APPS,
            "d.yaml:7:14: error: poolers[0].managed: the catalog knows no pooler that aws-rds"
                + " runs (it knows supabase's supavisor and neon's pgbouncer)"),
        bad(
            "managed pooler of the wrong kind for the provider",
            "database:\n  provider: neon\n  instance: \"1\"\n"
                + "poolers:\n  - name: p\n    kind: supavisor\n    managed: true\n"
                + "    pool_size: 10\n    max_client_conn: 100\n"
                + OK_APPS,
            "d.yaml:6:11: error: poolers[0].kind is supavisor, but neon's own pooler is"
                + " pgbouncer: set kind: pgbouncer"),
        bad(
            "managed supavisor without pool_size",
            "database:\n  provider: supabase\n  instance: small\n"
                + "poolers:\n  - name: s\n    kind: supavisor\n    managed: true\n"
                + OK_APPS,
            "d.yaml:5:5: error: poolers[0].pool_size is required for supavisor: the catalog"
                + " holds no pool size for supabase's compute sizes"),
        bad(
            "supavisor on supabase without max_client_conn or managed",
            "database:\n  provider: supabase\n  instance: small\n"
                + "poolers:\n  - name: s\n    kind: supavisor\n    pool_size: 10\n"
                + OK_APPS,
            "d.yaml:5:5: error: poolers[0].max_client_conn is required for supavisor: the"
                + " client connections it accepts; or managed: true to take it from the catalog"
                + " for supabase small"),
        bad(
            "managed not a boolean",
            "database:\n  provider: neon\n  instance: \"1\"\n"
                + "poolers:\n  - name: p\n    kind: pgbouncer\n    managed: 1\n"
                + OK_APPS,
            "d.yaml:7:14: error: poolers[0].managed must be true or false (got 1)"),
        bad(
            "replicas on a managed pgbouncer",
            "database:\n  provider: neon\n  instance: \"1\"\n"
                + "poolers:\n  - name: p\n    kind: pgbouncer\n    managed: true\n"
                + "    replicas: 2\n"
                + OK_APPS,
            "d.yaml:8:15: error: poolers[0].replicas is not a setting of neon's own pgbouncer"),
        bad(
            "two documents",
            OK_DATABASE + OK_APPS + "---\n" + OK_DATABASE,
            "d.yaml:7:1: error: the file holds more than one YAML document"),
        bad(
            "unknown alias",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: *three\n",
            "d.yaml:5:15: error: alias *three names no anchor"),
        bad(
            "unset variable outside a URL",
            "database:\n  max_connections: 100\n  name: ${DB_NAME}\n"
                + "  url: postgresql://app:${DB_PASSWORD}@db/x\n"
                + OK_APPS,
            "d.yaml:3:9: error: database.name uses ${DB_NAME}, which is not set in the"
                + " environment"),
        bad(
            "variable as max_connections",
            "database:\n  max_connections: ${MAX}\n" + OK_APPS,
            "d.yaml:2:20: error: database.max_connections must be a whole number"),
        bad(
            "max_connection_limit zero",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 3\n    max_connection_limit: 0\n",
            "d.yaml:6:27: error: apps[0].max_connection_limit must be at least 1 (got 0)"),
        bad(
            "max_connection_limit negative",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 3\n    max_connection_limit: -1\n",
            "d.yaml:6:27: error: apps[0].max_connection_limit must be at least 1 (got -1)"),
        bad(
            "max_connection_limit not a number",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 3\n    max_connection_limit: x\n",
            "d.yaml:6:27: error: apps[0].max_connection_limit must be a whole number (got string \"x\")"),
        bad(
            "max_connection_limit below a fixed connection_limit",
            OK_DATABASE
                + "apps:\n  - name: web\n    replicas: 3\n    connection_limit: 10\n    max_connection_limit: 5\n",
            "d.yaml:7:27: error: apps[0].max_connection_limit (5) is below the fixed connection_limit (10)"),
        bad(
            "demand without requests_per_second",
            OK_DATABASE + "apps:\n  - name: web\n    replicas: 3\n    demand: {db_time_ms: 5}\n",
            "d.yaml:6:13: error: apps[0].demand.requests_per_second is required"),
        bad(
            "demand db_time_ms negative",
            OK_DATABASE
                + "apps:\n  - name: web\n    replicas: 3\n    demand: {requests_per_second: 5, db_time_ms: -5}\n",
            "d.yaml:6:50: error: apps[0].demand.db_time_ms must be greater than 0 and at most 60000 (got -5)"),
        bad(
            "demand wait_ms zero",
            OK_DATABASE
                + "apps:\n  - name: web\n    replicas: 3\n    demand: {requests_per_second: 5, db_time_ms: 5, wait_ms: 0}\n",
            "d.yaml:6:62: error: apps[0].demand.wait_ms must be greater than 0 and at most 60000 (got 0)"),
        bad(
            "demand unknown key",
            OK_DATABASE
                + "apps:\n  - name: web\n    replicas: 3\n    demand:\n      requests_per_second: 5\n      db_time_ms: 5\n      wait_msec: 3\n",
            "d.yaml:9:7: error: unknown key apps[0].demand.wait_msec; did you mean 'wait_ms'?"),
        bad(
            "rollouts mistyped",
            "database:\n  max_connections: 100\n  rollouts: one-at-a-tme\n" + OK_APPS,
            "d.yaml:3:13: error: database.rollouts must be all-at-once or one-at-a-time (got \"one-at-a-tme\"); did you mean 'one-at-a-time'?"),
        bad(
            "rollouts unknown",
            "database:\n  max_connections: 100\n  rollouts: sequential\n" + OK_APPS,
            "d.yaml:3:13: error: database.rollouts must be all-at-once or one-at-a-time (got \"sequential\")\n"),
        bad(
            "alias bomb",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
            "error: YAML aliases expand to more than 10000 values (an alias bomb?)"));
  }

  private static Arguments bad(String name, String yaml, String expected) {
    return Arguments.of(name, yaml, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsRefusedWithLocationAndKey(
      String name, String yaml, String expected, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), yaml);

    Cli.Result result = Cli.run("plan", file.toString());

    assertThat(result.exitCode()).as(name).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains(expected.replace("d.yaml", file.toString()))
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
