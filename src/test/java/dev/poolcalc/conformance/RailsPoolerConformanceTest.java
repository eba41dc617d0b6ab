package dev.poolcalc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.cli.PgBouncer;
import dev.poolcalc.cli.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Active Record 6.1 with ruby-pg (Debian's) through a real PgBouncer 1.18 in transaction mode with
 * a pool of 2, configured with exactly the DATABASE_URL {@code poolcalc env} renders: for a file
 * that only has the pooler's address, Active Record names its statement a1 on one server connection
 * and loses it on the next (and keeps advisory locks on); for a file that says {@code via:} the
 * pooler, prepared_statements=false and advisory_locks=false in the URL make every query run. The
 * guide that asks for both:
 * https://guides.rubyonrails.org/configuring.html#configuring-a-postgresql-database
 */
@Tag("server")
class RailsPoolerConformanceTest {

  private static final String RUBY = "/usr/bin/ruby";
  private static final String APP = "conf-rails-pooled";

  @Test
  void theDirectSettingsLoseTheirPreparedStatementAndTheRenderedOnesDoNot() throws Exception {
    PgBouncer.require();
    Requirement.require(
        Driver.answers(RUBY, "-e", "require 'active_record'; require 'pg'"),
        "Active Record with ruby-pg for " + RUBY,
        "apt-get install ruby-activerecord ruby-pg");
    PostgresServer server = PostgresServer.version(17);
    server.awaitNoClients();
    Path clients = Path.of(System.getProperty("basedir", "."), "src", "test", "clients", "ruby");
    Path bouncerDir = java.nio.file.Files.createTempDirectory("rails-bouncer");
    try (PgBouncer bouncer = PgBouncer.start(server, bouncerDir, "transaction", 2)) {
      Map<String, String> direct =
          Deployment.pooledEnv(server, bouncer.port(), APP, "rails", false);
      Map<String, String> pooled = Deployment.pooledEnv(server, bouncer.port(), APP, "rails", true);
      assertThat(pooled.get("DATABASE_URL"))
          .isEqualTo(
              direct.get("DATABASE_URL") + "&prepared_statements=false&advisory_locks=false");

      Interleaving.Report before = Interleaving.run(clients, direct, RUBY, "rails_interleave.rb");
      assertThat(before.errors())
          .contains("A: advisory locks enabled")
          .anyMatch(e -> e.matches(Interleaving.LOST_STATEMENT));

      Interleaving.Report after = Interleaving.run(clients, pooled, RUBY, "rails_interleave.rb");
      assertThat(after.errors()).isEmpty();
      assertThat(after.succeeded()).isEqualTo(Interleaving.WARM_UP + 1);
    }
    server.awaitNoClients();
  }
}
