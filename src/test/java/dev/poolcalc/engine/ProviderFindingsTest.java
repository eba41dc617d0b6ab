package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.ProviderSizing.CatalogValue;
import dev.poolcalc.engine.ProviderSizing.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderFindingsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
  private static final String PAGE = "https://example.invalid/limits";

  /** An RDS-like server: max_connections 450 (an upper bound), 3 + 2 slots kept, headroom 1. */
  private static Deployment rds(boolean upperBound, Set<Setting> written, long limit) {
    ProviderSizing sizing =
        new ProviderSizing(
            "aws-rds",
            "db.t3.medium",
            new CatalogValue(450, upperBound, PAGE, DAY),
            Optional.of(new CatalogValue(3, false, PAGE, DAY)),
            Optional.of(new CatalogValue(2, false, PAGE, DAY)),
            written);
    Database db =
        new Database(
            Optional.empty(),
            450,
            Amount.count(0),
            BigDecimal.ONE,
            3,
            2,
            Optional.empty(),
            Optional.of(sizing));
    return new Deployment(db, List.of(Deployments.fixed("web", 3, limit)));
  }

  private static List<String> codes(Plan plan) {
    return plan.findings().stream().map(Finding::code).toList();
  }

  @Test
  void nearAnUpperBoundCeilingIsAWarning() {
    // Trusted: floor(450 × 0.90) = 405; ordinary roles then get 405 − 3 − 2 = 400.
    // 3 × 134 = 402 > 400, though within the budget (450) and usable (445).
    Plan plan = Sizing.plan(rds(true, Set.of(), 134));

    assertThat(plan.totalConnections()).isEqualTo(402);
    assertThat(plan.findings())
        .filteredOn(f -> f.code().equals("provider-upper-bound"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message())
                  .contains("at 405 (90 % of it) ordinary roles get 400")
                  .contains("lower the limits by 2 in all");
            });
  }

  @Test
  void belowTheTrustedShareThereIsNoWarning() {
    // 3 × 133 = 399 ≤ 400
    assertThat(codes(Sizing.plan(rds(true, Set.of(), 133)))).doesNotContain("provider-upper-bound");
  }

  @Test
  void anExactOrWrittenValueIsTrustedInFull() {
    assertThat(codes(Sizing.plan(rds(false, Set.of(), 134))))
        .doesNotContain("provider-upper-bound");
    assertThat(codes(Sizing.plan(rds(true, Set.of(Setting.MAX_CONNECTIONS), 134))))
        .doesNotContain("provider-upper-bound");
  }

  @Test
  void overUsableIsLeftToTheErrorItAlreadyIs() {
    // 3 × 149 = 447 > 445 usable: over-usable says it; the upper-bound warning would repeat it.
    Plan plan = Sizing.plan(rds(true, Set.of(), 149));

    assertThat(codes(plan)).contains("over-usable").doesNotContain("provider-upper-bound");
  }

  @Test
  void theCatalogsNumbersAreNamedWithTheirSource() {
    Plan plan = Sizing.plan(rds(true, Set.of(), 100));

    assertThat(plan.findings())
        .filteredOn(f -> f.code().equals("provider-catalog"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "max_connections 450, superuser_reserved_connections 3,"
                            + " reserved_connections 2 from the catalog for aws-rds db.t3.medium;"
                            + " max_connections is an upper bound")
                    .endsWith("(verified 2026-12-02, " + PAGE + ")"));
  }

  @Test
  void aChosenMaxConnectionsIsNoLongerTheCatalogsUpperBound() {
    Database db = rds(true, Set.of(), 134).database().withMaxConnections(900);

    assertThat(db.provider().orElseThrow().maxConnectionsIsUpperBound()).isFalse();
  }
}
