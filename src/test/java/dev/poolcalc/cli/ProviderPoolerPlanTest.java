package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's own pooler ({@code managed: true}) planned through the real command line, every
 * number worked by hand from the catalog's rule (DESIGN.md, "Providers"; Neon's page: transaction
 * mode, 10,000 clients, pools of 90 % of max_connections per (user, database) pair), not from the
 * code's own formula.
 */
class ProviderPoolerPlanTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode plan(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), yaml);
    Cli.Result result = Cli.run("plan", file.toString(), "--format", "json");
    assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
    return JSON.readTree(result.out());
  }

  private static String neon(String instance, String pooler) {
    return "database:\n  provider: neon\n  instance: \""
        + instance
        + "\"\npoolers:\n  - name: neon\n    kind: pgbouncer\n"
        + pooler
        + "apps:\n  - name: web\n    replicas: 2\n    via: neon\n";
  }

  @Test
  void neonExampleTakesModeClientsAndPoolFromTheCatalog() throws IOException {
    Cli.Result result = Cli.run("plan", "examples/neon.yaml", "--format", "json");
    JsonNode plan = JSON.readTree(result.out());
    JsonNode pooler = plan.get("poolers").get(0);

    assertThat(result.exitCode()).as(result.err()).isZero();
    // Neon 1 CU: max_connections 419, 7 for its superuser. Pool: floor(419 × 0.9) = floor(377.1)
    // = 377 per pair, 1 pair. Budget: min(419 − 0, floor(419 × 0.95) = floor(398.05) = 398) = 398.
    // Server total: 377 + migrate 1 × 5 = 382. Clients: C = 10000, floor(10000 × 0.95) = 9500.
    assertThat(pooler.get("pool_mode").asText()).isEqualTo("transaction");
    assertThat(pooler.get("server_connections").asLong()).isEqualTo(377);
    assertThat(pooler.get("client_capacity").asLong()).isEqualTo(10_000);
    assertThat(pooler.get("client_budget").asLong()).isEqualTo(9_500);
    assertThat(plan.toString())
        .contains("\"max_connections\":419")
        .contains("\"superuser_reserved_connections\":7")
        .contains("\"budget\":398")
        .contains("\"total_connections\":382");
  }

  @Test
  void neonPoolIsNinetyPercentOfMaxConnectionsPerPair() throws IOException {
    // 0.25 CU: max_connections 104; floor(104 × 0.9) = floor(93.6) = 93 per pair; 2 pairs = 186.
    JsonNode pooler = plan(neon("0.25", "    managed: true\n    pairs: 2\n")).get("poolers").get(0);

    assertThat(pooler.get("server_connections").asLong()).isEqualTo(186);
    assertThat(pooler.get("status").asText()).isEqualTo("ok");
  }

  @Test
  void neonPoolFollowsAMaxConnectionsWrittenInTheFile() throws IOException {
    // The file says the server has 500: Neon's pooler sizes from it, floor(500 × 0.9) = 450.
    String yaml =
        neon("1", "    managed: true\n")
            .replace("  instance", "  max_connections: 500\n  instance");

    assertThat(plan(yaml).get("poolers").get(0).get("server_connections").asLong()).isEqualTo(450);
  }

  @Test
  void settingsWrittenOnAManagedPoolerWinAndThePlanSaysSo() throws IOException {
    JsonNode plan =
        plan(
            neon(
                "1",
                "    managed: true\n    default_pool_size: 50\n    pool_mode: session\n"
                    + "    max_client_conn: 300\n"));
    JsonNode pooler = plan.get("poolers").get(0);

    assertThat(pooler.get("server_connections").asLong()).isEqualTo(50);
    assertThat(pooler.get("pool_mode").asText()).isEqualTo("session");
    assertThat(pooler.get("client_capacity").asLong()).isEqualTo(300);
    assertThat(plan.get("findings").toString())
        .contains(
            "pooler neon's default_pool_size 50 is written in the file, so it wins over"
                + " the catalog's 377 for neon 1")
        .contains(
            "pooler neon's pool_mode session is written in the file, so it wins over the"
                + " catalog's transaction")
        .doesNotContain("pooler-catalog");
  }

  @Test
  void aPgbouncerWithoutManagedKeepsPgbouncerDefaultsOnNeon() throws IOException {
    // A team's own PgBouncer in front of Neon: session mode, pool 20, 100 clients, as before.
    for (String flag : new String[] {"", "    managed: false\n"}) {
      JsonNode pooler = plan(neon("1", flag)).get("poolers").get(0);

      assertThat(pooler.get("pool_mode").asText()).isEqualTo("session");
      assertThat(pooler.get("server_connections").asLong()).isEqualTo(20);
      assertThat(pooler.get("client_capacity").asLong()).isEqualTo(100);
    }
  }

  @Test
  void supabaseSupavisorTakesItsClientLimitPerComputeSize() throws IOException {
    // Supabase Medium: max_connections 120, pooler max clients 600; pool_size is the file's.
    // Client budget floor(600 × 0.85) = 510.
    JsonNode plan =
        plan(
            "database:\n  provider: supabase\n  instance: medium\npoolers:\n"
                + "  - name: supavisor\n    kind: supavisor\n    managed: true\n"
                + "    pool_size: 25\napps:\n  - name: web\n    replicas: 3\n    via: supavisor\n");
    JsonNode pooler = plan.get("poolers").get(0);

    assertThat(pooler.get("pool_mode").asText()).isEqualTo("transaction");
    assertThat(pooler.get("server_connections").asLong()).isEqualTo(25);
    assertThat(pooler.get("client_capacity").asLong()).isEqualTo(600);
    assertThat(pooler.get("client_budget").asLong()).isEqualTo(510);
    assertThat(plan.get("findings").toString())
        .contains(
            "pooler supavisor is supabase's own: max_client_conn 600 from the catalog for"
                + " supabase medium")
        .contains("https://supabase.com/docs/guides/platform/compute-and-disk");
  }

  @Test
  void tooManyClientsForAManagedPoolerAskForALargerSizeNotASetting() throws IOException {
    // Supabase Nano: 200 pooler clients; 30 × 10 = 300 > 200.
    JsonNode plan =
        plan(
            "database:\n  provider: supabase\n  instance: nano\npoolers:\n"
                + "  - name: supavisor\n    kind: supavisor\n    managed: true\n"
                + "    pool_size: 10\napps:\n  - name: web\n    replicas: 30\n"
                + "    via: supavisor\n    connection_limit: 10\n");

    assertThat(plan.get("poolers").get(0).get("status").asText()).isEqualTo("error");
    assertThat(plan.get("findings").toString())
        .contains("can open 300 client connections but it accepts 200")
        .contains("max_client_conn is supabase's limit for nano: move to a larger size")
        .doesNotContain("raise max_client_conn");
  }

  @Test
  void explainSaysWhereEachPoolerNumberCameFrom() {
    Cli.Result result = Cli.run("explain", "examples/neon.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().replaceAll("\\s+", " "))
        .contains(
            "neon-pooler is neon's own pooler, so the catalog for neon 1"
                + " (https://neon.com/docs/connect/connection-pooling, verified 2026-12-02) gives"
                + " pool_mode transaction, max_client_conn 10000, default_pool_size"
                + " floor(419 × 90 / 100) = 377.");
  }
}
