package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.cli.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rails' Active Record ConnectionPool with ruby-pg (Debian's ruby-activerecord 6.1 and ruby-pg
 * 1.4), configured by src/test/clients/ruby/rails_driver.rb with nothing but the DATABASE_URL
 * poolcalc renders for a {@code client: rails} app.
 *
 * <p>This is the test that keeps the URL's {@code pool} and {@code checkout_timeout} honest: Active
 * Record merges a URL's query parameters into the connection configuration, reads the pool size
 * from {@code pool} (default 5) and the wait from {@code checkout_timeout} (seconds, default 5),
 * and a thread that finds every connection leased waits that long and then raises {@code
 * ActiveRecord::ConnectionTimeoutError} (ConnectionPool:
 * https://api.rubyonrails.org/classes/ActiveRecord/ConnectionAdapters/ConnectionPool.html and
 * https://apidock.com/rails/ActiveRecord/ConnectionAdapters/ConnectionPool/checkout; in the 6.1
 * source, DatabaseConfigurations::HashConfig#pool and #checkout_timeout). The limit here is 3, not
 * Active Record's default of 5, so a lost {@code pool} shows in the peak, and a lost {@code
 * checkout_timeout} in the extra waiter's timing.
 */
@Tag("server")
class RailsConformanceTest {

  private static final String APP = "conf-rails";
  private static final String RUBY = "/usr/bin/ruby";

  @Test
  void theServerSeesTheRenderedLimitAndTheExtraWaiterTimesOut() throws Exception {
    Requirement.require(
        Driver.answers(RUBY, "-e", "require 'active_record'; require 'pg'"),
        "Active Record with ruby-pg for " + RUBY,
        "apt-get install ruby-activerecord ruby-pg");
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Map<String, String> env = Deployment.renderedEnv(server, APP, "rails");
    assertThat(env).containsOnlyKeys("DATABASE_URL");
    assertThat(env.get("DATABASE_URL"))
        .contains("pool=" + Deployment.LIMIT)
        .contains("checkout_timeout=" + Deployment.POOL_TIMEOUT_SECONDS);

    Path clients = Path.of(System.getProperty("basedir", "."), "src", "test", "clients", "ruby");
    Outcome outcome =
        PeakMonitor.heldToPlan(
            server, APP, () -> Driver.run(clients, env, RUBY, "rails_driver.rb"));
    assertThat(outcome.errors().get(0))
        .startsWith(
            "ActiveRecord::ConnectionTimeoutError: could not obtain a connection from the pool"
                + " within 2.000 seconds");
    server.awaitNoClients();
  }
}
