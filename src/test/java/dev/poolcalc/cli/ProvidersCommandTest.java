package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code poolcalc providers}: the catalog as users read it, every number with its source. */
class ProvidersCommandTest {

  @Test
  void listsEveryProviderAndTheOnesWithoutVerifiedNumbers() {
    Cli.Result r = Cli.run("providers");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("aws-rds", "azure-flexible", "gcp-cloudsql", "supabase", "neon")
        .contains("heroku          no verified numbers yet: write max_connections");
  }

  @Test
  void oneProvidersSizesCarryTheirKindDateAndSource() {
    Cli.Result r = Cli.run("providers", "neon");

    assertThat(r.exitCode()).isZero();
    // DESIGN.md's Neon table: 1 compute unit gives 419, 7 kept for Neon's superuser.
    assertThat(r.out())
        .containsPattern("compute +1 +419 +exact +\\d{4}-\\d{2}-\\d{2} +https://")
        .contains("kept back from ordinary roles: 7 superuser");
  }

  @Test
  void jsonHasASourceForEveryNumber() throws IOException {
    Cli.Result r = Cli.run("providers", "aws-rds", "--format", "json");

    JsonNode rds = new ObjectMapper().readTree(r.out()).get("providers").get(0);
    assertThat(rds.get("name").asText()).isEqualTo("aws-rds");
    for (JsonNode i : rds.get("instances")) {
      assertThat(i.get("max_connections").get("source").asText()).startsWith("https://");
      assertThat(i.get("max_connections").get("kind").asText()).isEqualTo("upper_bound");
    }
    JsonNode medium = null;
    for (JsonNode i : rds.get("instances")) {
      if (i.get("name").asText().equals("db.t3.medium")) {
        medium = i;
      }
    }
    // floor(4 GiB / 9531392) = 450
    assertThat(medium.get("max_connections").get("value").asLong()).isEqualTo(450);
  }

  @Test
  void anUnknownProviderIsAUsageErrorWithASuggestion() {
    Cli.Result r = Cli.run("providers", "aws-rsd");

    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("did you mean 'aws-rds'?").doesNotContain("Exception");
  }
}
