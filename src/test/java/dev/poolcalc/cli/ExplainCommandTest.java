package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

  private static final String EXAMPLE = "examples/rollout-and-clients.yaml";

  @Test
  void explainsWhatCountsAndWhyIdleConnectionsCount() {
    Cli.Result result = Cli.run("explain", "examples/production.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(flat(result.out()))
        .contains("counts every open connection, busy or idle")
        .contains("an idle connection holds its slot just the same")
        .contains("100 − 15 = 85")
        .contains("floor(85 / 5) = 17 connections per pool")
        .contains("exchanger-web: 3 pools × 17 = 51 connections.");
  }

  @Test
  void saysAGlobalPrismaClientSingletonIsPerProcess() {
    String out = flat(Cli.run("explain", "examples/development-hot-reload.yaml").out());

    assertThat(out)
        .contains(
            "A global PrismaClient singleton is per process too: it stops hot reload from"
                + " creating extra clients inside one process; it does not share one pool across"
                + " processes.")
        .contains("25 × 5 = 125 connections, not 5")
        .contains("dev-next: 25 pools × 5 = 125 connections.");
  }

  @Test
  void walksThroughARolloutPeak() {
    String out = flat(Cli.run("explain", EXAMPLE).out());

    assertThat(out)
        .contains("3 + ceil(3 × 25%) + floor(3 × 25%) = 3 + 1 + 0 = 4 replicas at the peak")
        .contains("Its blue-green deploy runs a second full set")
        .contains("exchanger-web: 4 pools × 8 = 32 connections (24 between deploys).");
  }

  @Test
  void explainsOneAppWithItsClientSettings() {
    String out = flat(Cli.run("explain", EXAMPLE, "--app", "exchanger-web").out());

    assertThat(out)
        .contains("exchanger-web uses Prisma 7 with @prisma/adapter-pg")
        .contains("max = 8")
        .contains("new PrismaPg({ connectionString: process.env.DATABASE_URL,")
        .doesNotContain("billing-api uses");
  }

  @Test
  void anUnknownAppExitsTwoAndNamesTheApps() {
    Cli.Result result = Cli.run("explain", EXAMPLE, "--app", "nope");

    assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            EXAMPLE
                + ": error: --app: no app named \"nope\"; the apps are exchanger-web,"
                + " exchanger-telegram, billing-api, reports-worker\n");
    assertThat(result.out()).isEmpty();
  }

  /** The text with its line wrapping undone, so a phrase may span lines. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
