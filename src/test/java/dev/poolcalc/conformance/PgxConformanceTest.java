package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.cli.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Go's pgx with pgxpool (Debian's golang-go and golang-github-jackc-pgx-v4-dev; pgx v5 is not
 * packaged), configured by src/test/clients/go/pgx_driver with nothing but the DATABASE_URL
 * poolcalc renders for a {@code client: pgx} app.
 *
 * <p>pgxpool.ParseConfig takes {@code pool_max_conns} out of the connection string (in v4 as in v5;
 * v4: https://pkg.go.dev/github.com/jackc/pgx/v4/pgxpool#ParseConfig, and Debian's source in
 * /usr/share/gocode/src/github.com/jackc/pgx/v4/pgxpool/pool.go) and, without it, opens up to
 * max(4, number of CPUs). pgxpool has no acquire timeout: Pool.Acquire waits until its context is
 * done (https://pkg.go.dev/github.com/jackc/pgx/v4/pgxpool#Pool.Acquire), so the driver gives each
 * checkout a context with a deadline of pool_timeout, as a pgx user must, and the same contract as
 * for the other clients applies.
 *
 * <p>The driver is built into target/ from Debian's sources in GOPATH mode ({@code
 * GO111MODULE=off}, {@code GOPATH=/usr/share/gocode}, {@code GOPROXY=off}): no module proxy, no
 * network.
 */
@Tag("server")
class PgxConformanceTest {

  private static final String APP = "conf-pgx";
  private static final Path GOCODE = Path.of("/usr/share/gocode");
  private static final long BUILD_SECONDS = 300;

  @Test
  void theServerSeesTheRenderedLimitAndTheExtraWaiterTimesOut() throws Exception {
    Requirement.require(
        Driver.answers("go", "version")
            && Files.isDirectory(GOCODE.resolve("src/github.com/jackc/pgx/v4/pgxpool")),
        "Go with pgx v4 in " + GOCODE,
        "apt-get install golang-go golang-github-jackc-pgx-v4-dev");
    Path base = Path.of(System.getProperty("basedir", "."));
    Path driver = build(base.resolve("src/test/clients/go/pgx_driver"), base.resolve("target"));

    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Map<String, String> env = Deployment.renderedEnv(server, APP, "pgx");
    assertThat(env).containsOnlyKeys("DATABASE_URL");
    assertThat(env.get("DATABASE_URL")).contains("pool_max_conns=" + Deployment.LIMIT);
    Map<String, String> given = new HashMap<>(env);
    given.put(
        "CONFORMANCE_ACQUIRE_TIMEOUT_SECONDS", String.valueOf(Deployment.POOL_TIMEOUT_SECONDS));

    Outcome outcome =
        PeakMonitor.heldToPlan(
            server, APP, () -> Driver.run(driver.getParent(), given, driver.toString()));
    assertThat(outcome.errors().get(0)).endsWith("context deadline exceeded");
    server.awaitNoClients();
  }

  /** Builds the driver offline from Debian's Go sources; a failed build fails the test. */
  private static Path build(Path source, Path target) throws IOException, InterruptedException {
    Path binary = target.resolve("pgx_driver").toAbsolutePath();
    ProcessBuilder go =
        new ProcessBuilder("go", "build", "-o", binary.toString(), ".")
            .directory(source.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = go.environment();
    env.put("GO111MODULE", "off");
    env.put("GOPATH", GOCODE.toString());
    env.put("GOFLAGS", "");
    env.put("GOPROXY", "off");
    env.put("GOCACHE", target.resolve("go-cache").toAbsolutePath().toString());
    Process process = go.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(BUILD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("go build ran past " + BUILD_SECONDS + " s");
    }
    assertThat(process.exitValue()).as("go build in " + source + ": " + out).isZero();
    return binary;
  }
}
