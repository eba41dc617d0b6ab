package dev.poolcalc.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.url.PostgresUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientSettingsTest {

  private static final PostgresUrl BASE =
      PostgresUrl.parse(
          "postgresql://app:p%40ss@db.internal:5432/shop?sslmode=require&connection_limit=20"
              + "&pool_timeout=10");

  /** One app of 5 replicas on max 100, reserve 15: floor(85 / 5) = 17 per instance. */
  private static AppPlan plan(Client client) {
    App app = App.of("shop-web", Replicas.fixed(5), 1).withClient(client);
    return Sizing.plan(new Deployment(Database.of(100, Amount.count(15)), List.of(app)))
        .apps()
        .get(0);
  }

  private static Map<String, String> env(ClientSettings s) {
    return s.env().stream().collect(Collectors.toMap(EnvVar::name, EnvVar::value));
  }

  private static Map<String, String> settings(ClientSettings s) {
    return s.settings().stream().collect(Collectors.toMap(Setting::name, Setting::value));
  }

  @Test
  void prismaPgUrlCarriesNoConnectionLimitAndItsSettingsCarryThePoolMax() {
    ClientSettings s = render(plan(Client.PRISMA_PG), Optional.of(BASE));

    assertThat(s.url().orElseThrow().value())
        .isEqualTo(
            "postgresql://app:p%40ss@db.internal:5432/shop?sslmode=require"
                + "&application_name=shop-web")
        .doesNotContain("connection_limit")
        .doesNotContain("pool_timeout");
    assertThat(settings(s))
        .containsEntry("max", "17")
        .containsEntry("connectionTimeoutMillis", "20000");
    assertThat(env(s))
        .containsEntry("DATABASE_POOL_MAX", "17")
        .containsEntry("DATABASE_POOL_TIMEOUT_MS", "20000");
    assertThat(s.snippet().orElseThrow())
        .startsWith("new PrismaPg({ connectionString: process.env.DATABASE_URL,")
        .contains("max: Number(process.env.DATABASE_POOL_MAX)");
  }

  @Test
  void prismaRendersTheSameUrlAsPrismaUrlSoEnvCanSwitchOver() {
    AppPlan app = plan(Client.PRISMA);

    ClientSettings s = render(app, Optional.of(BASE));

    assertThat(s.url().orElseThrow().value()).isEqualTo(Prisma.url(BASE, app).unmasked());
    assertThat(s.maskedUrl()).contains(Prisma.url(BASE, app).masked());
    assertThat(env(s)).containsOnlyKeys("DATABASE_URL");
  }

  @Test
  void hikariPutsApplicationNameInTheJdbcUrlAndTheCredentialsBeside() {
    ClientSettings s = render(plan(Client.HIKARI), Optional.of(BASE));

    assertThat(env(s))
        .containsEntry(
            "SPRING_DATASOURCE_URL",
            "jdbc:postgresql://db.internal:5432/shop?sslmode=require&ApplicationName=shop-web")
        .containsEntry("SPRING_DATASOURCE_USERNAME", "app")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "p@ss")
        .containsEntry("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "17")
        .containsEntry("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "20000");
    assertThat(settings(s))
        .containsEntry("spring.datasource.hikari.maximum-pool-size", "17")
        .containsEntry("spring.datasource.hikari.connection-timeout", "20000");
  }

  @Test
  void pgxCarriesPoolMaxConnsAndNoPrismaParameters() {
    ClientSettings s = render(plan(Client.PGX), Optional.of(BASE));

    assertThat(s.url().orElseThrow().value())
        .contains("pool_max_conns=17")
        .contains("application_name=shop-web")
        .doesNotContain("connection_limit")
        .doesNotContain("pool_timeout");
  }

  @Test
  void sqlalchemyCapsThePoolAtTheLimitWithNoOverflow() {
    PostgresUrl base = PostgresUrl.parse("postgresql://app@db/shop?max_overflow=10&pool_size=5");

    ClientSettings s = render(plan(Client.SQLALCHEMY), Optional.of(base));

    assertThat(settings(s))
        .containsEntry("pool_size", "17")
        .containsEntry("max_overflow", "0")
        .containsEntry("pool_timeout", "20");
    assertThat(s.url().orElseThrow().value())
        .isEqualTo("postgresql://app@db/shop?application_name=shop-web");
  }

  @Test
  void railsReadsPoolAndCheckoutTimeoutFromTheUrl() {
    ClientSettings s = render(plan(Client.RAILS), Optional.of(BASE));

    assertThat(s.url().orElseThrow().value())
        .endsWith("sslmode=require&application_name=shop-web&pool=17&checkout_timeout=20");
    assertThat(s.snippet()).contains("pool: 17\ncheckout_timeout: 20");
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void thePasswordIsInEnvValuesOnlyNeverInWhatIsShown(Client client) {
    ClientSettings s = render(plan(client), Optional.of(BASE));

    assertThat(s.env())
        .extracting(EnvVar::value)
        .anyMatch(v -> v.contains("p%40ss") || v.equals("p@ss"));
    assertThat(s.env())
        .extracting(EnvVar::display)
        .noneMatch(v -> v.contains("p%40ss") || v.contains("p@ss"));
    assertThat(s.settings()).extracting(Setting::value).noneMatch(v -> v.contains("p@ss"));
    assertThat(s.snippet().orElse("")).doesNotContain("p@ss").doesNotContain("p%40ss");
    assertThat(s.maskedUrl().orElseThrow()).doesNotContain("p%40ss");
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void withoutABaseUrlTheKnobsAreStillRendered(Client client) {
    ClientSettings s = render(plan(client), Optional.empty());

    assertThat(s.url()).isEmpty();
    assertThat(s.settings()).extracting(Setting::value).contains("17");
  }

  private static ClientSettings render(AppPlan app, Optional<PostgresUrl> base) {
    return ClientLibrary.of(app.app().client()).settings(app, base);
  }
}
