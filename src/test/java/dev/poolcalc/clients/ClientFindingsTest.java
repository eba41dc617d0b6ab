package dev.poolcalc.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.url.PostgresUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientFindingsTest {

  private static Plan plan(App app) {
    return Sizing.plan(new Deployment(Database.of(100, Amount.count(15)), List.of(app)));
  }

  private static App app(Client client) {
    return App.of("web", Replicas.fixed(5), 1).withClient(client);
  }

  private static App withPoolTimeout(App a, long seconds) {
    return new App(
        a.name(),
        a.replicas(),
        a.processes(),
        a.connectionLimit(),
        a.weight(),
        seconds,
        a.connectTimeout(),
        a.rollout(),
        a.client());
  }

  private static List<Finding> findings(App app, String url) {
    Optional<PostgresUrl> base = Optional.ofNullable(url).map(PostgresUrl::parse);
    List<Finding> findings = new ArrayList<>();
    for (AppPlan row : plan(app).apps()) {
      findings.addAll(ClientLibrary.of(row.app().client()).findings(row, base));
    }
    return findings;
  }

  @Test
  void prismaUrlParamsIgnoredWhenAPrismaPgBaseUrlCarriesConnectionLimit() {
    List<Finding> found =
        findings(app(Client.PRISMA_PG), "postgresql://app@db/shop?connection_limit=20");

    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.code()).isEqualTo("prisma-url-params-ignored");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.app()).contains("web");
    assertThat(f.message())
        .contains("ignores connection_limit=20 in database.url")
        .contains("pass max: 17 to new PrismaPg(...)");
  }

  @Test
  void prismaUrlParamsAreFineForPrismaUpToSix() {
    assertThat(findings(app(Client.PRISMA), "postgresql://app@db/shop?connection_limit=20"))
        .isEmpty();
    assertThat(findings(app(Client.PRISMA_PG), "postgresql://app@db/shop?sslmode=require"))
        .isEmpty();
  }

  @Test
  void sqlalchemyOverflowWhenTheBaseUrlAddsOverflowOnTopOfTheLimit() {
    List<Finding> found =
        findings(app(Client.SQLALCHEMY), "postgresql://app@db/shop?max_overflow=10");

    assertThat(found).extracting(Finding::code).containsExactly("sqlalchemy-overflow");
    assertThat(found.get(0).message())
        .contains("psycopg2 refuses the DSN")
        .contains("up to 17 + 10 connections per pool");
  }

  @Test
  void sqlalchemyRefusesEvenAZeroOverflowInTheUrl() {
    assertThat(findings(app(Client.SQLALCHEMY), "postgresql://app@db/shop?max_overflow=0"))
        .extracting(Finding::code)
        .containsExactly("sqlalchemy-overflow");
    assertThat(findings(app(Client.SQLALCHEMY), "postgresql://app@db/shop")).isEmpty();
  }

  @Test
  void poolTimeoutZeroSaysThatPrismaWaitsForever() {
    List<Finding> found = findings(withPoolTimeout(app(Client.PRISMA), 0), null);

    assertThat(found).extracting(Finding::code).containsExactly("pool-timeout-zero");
    assertThat(found.get(0).message()).contains("waits forever").contains("set pool_timeout");
  }

  @Test
  void poolTimeoutZeroSaysThatSqlalchemyGivesUpAtOnce() {
    List<Finding> found = findings(withPoolTimeout(app(Client.SQLALCHEMY), 0), null);

    assertThat(found)
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("fails at once");
  }

  @Test
  void poolTimeoutZeroDoesNotApplyToPgxWhichHasNoSuchKnob() {
    assertThat(findings(withPoolTimeout(app(Client.PGX), 0), null)).isEmpty();
  }
}
