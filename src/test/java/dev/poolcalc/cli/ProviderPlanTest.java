package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans for managed servers named by provider and size, through the real command line. */
class ProviderPlanTest {

  private static final String APPS = "apps:\n  - name: web\n    replicas: 3\n";

  @TempDir Path dir;

  private Cli.Result plan(String database) throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), database + APPS);
    return Cli.run("plan", file.toString(), "--format", "json");
  }

  @Test
  void rdsT3MediumPlansWithTheCatalogUpperBoundAndRdsReservedSlots() throws IOException {
    Cli.Result result = plan("database:\n  provider: aws-rds\n  instance: db.t3.medium\n");

    assertThat(result.exitCode()).as(result.err()).isZero();
    // 450 − 3 superuser_reserved − 2 rds_superuser_reserved = 445; floor(450 × 0.85) = 382
    assertThat(result.out())
        .contains("\"max_connections\": 450")
        .contains("\"usable_connections\": 445")
        .contains("\"budget\": 382")
        .contains("\"superuser_reserved_connections\": 3")
        .contains("\"code\": \"provider-catalog\"")
        .contains("max_connections is an upper bound")
        .contains(
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html");
  }

  @Test
  void neonOneComputeUnitGives419WithSevenReservedForItsSuperuser() throws IOException {
    Cli.Result result = plan("database:\n  provider: neon\n  instance: \"1\"\n");

    assertThat(result.exitCode()).as(result.err()).isZero();
    // Modelled as superuser_reserved_connections 7: 419 − 7 = 412 usable.
    assertThat(result.out())
        .contains("\"max_connections\": 419")
        .contains("\"superuser_reserved_connections\": 7")
        .contains("\"usable_connections\": 412")
        .doesNotContain("upper bound");
  }

  @Test
  void valuesWrittenInTheFileWinOverTheCatalog() throws IOException {
    Cli.Result result =
        plan(
            "database:\n  provider: aws-rds\n  instance: db.t3.medium\n  max_connections: 600\n"
                + "  superuser_reserved_connections: 5\n");

    assertThat(result.exitCode()).as(result.err()).isZero();
    // 600 − 5 − 2 (rds_superuser, still from the catalog) = 593
    assertThat(result.out())
        .contains("\"max_connections\": 600")
        .contains("\"usable_connections\": 593")
        .contains("max_connections 600 is written in the file, so it wins over the catalog's 450");
  }

  @Test
  void azureUsableSlotsEqualItsPublishedMaximumUserConnections() throws IOException {
    // Azure's table: B2s, 429 maximum connections, 414 maximum user connections.
    Cli.Result result = plan("database:\n  provider: azure-flexible\n  instance: B2s\n");

    assertThat(result.out()).contains("\"usable_connections\": 414");
  }

  @Test
  void unknownProviderIsRefusedAtItsLocationWithASuggestion() throws IOException {
    Cli.Result result = plan("database:\n  provider: aws-rsd\n  instance: db.t3.medium\n");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "d.yaml:2:13: error: database.provider \"aws-rsd\" is not a provider in the catalog"
                + " (known: aws-rds, azure-flexible, gcp-cloudsql, supabase, neon);"
                + " did you mean 'aws-rds'?")
        .doesNotContain("max_connections is required")
        .doesNotContain("Exception");
  }

  @Test
  void unknownInstanceIsRefusedAtItsLocationWithASuggestion() throws IOException {
    Cli.Result result = plan("database:\n  provider: aws-rds\n  instance: db.t3.medum\n");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "d.yaml:3:13: error: database.instance \"db.t3.medum\" is not a DB instance class the"
                + " catalog knows for aws-rds; did you mean 'db.t3.medium'?")
        .doesNotContain("Exception");
  }

  @Test
  void providerWithoutInstanceAsksForOne() throws IOException {
    Cli.Result result = plan("database:\n  provider: neon\n");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "d.yaml:2:13: error: database.instance is required with database.provider: the neon"
                + " compute size in compute units, such as 0.25");
  }

  @Test
  void providerWithoutVerifiedNumbersAsksForMaxConnections() throws IOException {
    Cli.Result refused = plan("database:\n  provider: heroku\n  instance: standard-0\n");
    Cli.Result written =
        plan("database:\n  provider: heroku\n  instance: standard-0\n  max_connections: 120\n");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "d.yaml:2:13: error: database.provider heroku has no verified numbers in the catalog"
                + " yet: write database.max_connections");
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).contains("\"max_connections\": 120");
  }
}
