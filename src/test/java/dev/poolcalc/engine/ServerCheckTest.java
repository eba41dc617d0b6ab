package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.engine.ProviderSizing.CatalogValue;
import dev.poolcalc.engine.ProviderSizing.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The live server's settings against a plan whose max_connections came from the catalog. */
class ServerCheckTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
  private static final String PAGE = "https://example.invalid/limits";

  /** RDS db.t3.medium: upper bound 450, 3 + 2 reserved from the catalog. */
  private static Database rds(Set<Setting> written, long max) {
    ProviderSizing sizing =
        new ProviderSizing(
            "aws-rds",
            "db.t3.medium",
            new CatalogValue(450, true, PAGE, DAY),
            Optional.of(new CatalogValue(3, false, PAGE, DAY)),
            Optional.of(new CatalogValue(2, false, PAGE, DAY)),
            written);
    return new Database(
        Optional.empty(),
        max,
        Amount.count(0),
        BigDecimal.ONE,
        3,
        2,
        Optional.empty(),
        Optional.of(sizing));
  }

  private static List<Finding> live(Database db, long maxConnections) {
    return ServerCheck.differences(
        db, new ServerSettings("17.2", 17, maxConnections, 3, OptionalLong.of(0)));
  }

  @Test
  void belowAnUpperBoundWithinTheTrustedShareIsAnExpectedWarning() {
    // Trusted: floor(450 × 0.90) = 405. A server with 405 is within it.
    List<Finding> findings = live(rds(Set.of(), 450), 405);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).code()).isEqualTo("max-connections-differs-from-catalog");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).message()).contains("as expected");
  }

  @Test
  void furtherBelowAnUpperBoundIsDriftSuggestingACustomParameterGroup() {
    List<Finding> findings = live(rds(Set.of(), 450), 404);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).message())
        .contains("under the 405 the plan trusts")
        .contains("a custom parameter group")
        .contains("write database.max_connections: 404");
  }

  @Test
  void aboveTheCatalogIsDrift() {
    List<Finding> findings = live(rds(Set.of(), 450), 500);

    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).message())
        .startsWith(
            "the server's max_connections is 500, above the catalog's upper bound of 450 for"
                + " aws-rds db.t3.medium: a custom parameter group");
  }

  @Test
  void theCatalogsReservedSlotsAreNotComparedButWrittenOnesAre() {
    // The server's reserved_connections is 0; the catalog's 2 (rds_superuser) is kept otherwise.
    assertThat(live(rds(Set.of(), 450), 450)).isEmpty();

    List<Finding> written =
        live(rds(Set.of(Setting.MAX_CONNECTIONS, Setting.RESERVED_CONNECTIONS), 450), 450);
    assertThat(written).extracting(Finding::code).containsExactly("server-settings-differ");
    assertThat(written.get(0).message()).contains("reserved_connections is 0 but the file says 2");
  }
}
