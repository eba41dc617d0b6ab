package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolcalc.engine.Database;
import dev.poolcalc.engine.ProviderSizing;
import dev.poolcalc.engine.ProviderSizing.Setting;
import org.junit.jupiter.api.Test;

class ProviderKeysTest {

  private static final String APPS = "apps:\n  - name: web\n    replicas: 1\n";

  private static Database read(String database) throws InvalidInputException {
    return DeploymentReader.parse("d.yaml", database + APPS).deployment().database();
  }

  @Test
  void catalogValuesKeepTheirProvenanceForTheRenderers() throws InvalidInputException {
    Database db = read("database:\n  provider: aws-rds\n  instance: DB.T3.MEDIUM\n");

    ProviderSizing sizing = db.provider().orElseThrow();
    assertThat(sizing.instance()).isEqualTo("db.t3.medium");
    assertThat(sizing.maxConnectionsIsUpperBound()).isTrue();
    assertThat(sizing.written()).isEmpty();
    assertThat(sizing.maxConnections().source())
        .isEqualTo(
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html"
                + "#Concepts.DBInstanceClass.Summary");
    assertThat(sizing.reservedConnections().orElseThrow().source())
        .isEqualTo(
            "https://aws.amazon.com/premiumsupport/knowledge-center/"
                + "rds-postgresql-error-connection-slots/");
    assertThat(db.maxConnections()).isEqualTo(450);
    assertThat(db.superuserReservedConnections()).isEqualTo(3);
    assertThat(db.reservedConnections()).isEqualTo(2);
  }

  @Test
  void writtenSettingsWinAndAreRecordedAsWritten() throws InvalidInputException {
    Database db =
        read(
            "database:\n  provider: neon\n  instance: 2\n  superuser_reserved_connections: 3\n"
                + "  reserved_connections: 10\n");

    assertThat(db.maxConnections()).isEqualTo(839);
    assertThat(db.superuserReservedConnections()).isEqualTo(3);
    assertThat(db.reservedConnections()).isEqualTo(10);
    assertThat(db.provider().orElseThrow().written())
        .containsExactlyInAnyOrder(
            Setting.SUPERUSER_RESERVED_CONNECTIONS, Setting.RESERVED_CONNECTIONS);
  }

  @Test
  void providerWithoutReservedSlotsLeavesPostgresDefaults() throws InvalidInputException {
    Database db = read("database:\n  provider: supabase\n  instance: small\n");

    assertThat(db.maxConnections()).isEqualTo(90);
    assertThat(db.superuserReservedConnections()).isEqualTo(Database.DEFAULT_SUPERUSER_RESERVED);
    assertThat(db.reservedConnections()).isZero();
  }

  @Test
  void instanceWithoutProviderIsAProblemAtTheInstance() {
    assertThatThrownBy(() -> read("database:\n  max_connections: 100\n  instance: small\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "d.yaml:3:13: error: database.instance needs database.provider, one of aws-rds,"
                + " azure-flexible, gcp-cloudsql, supabase, neon");
  }

  @Test
  void withoutProviderMaxConnectionsIsStillRequired() {
    assertThatThrownBy(() -> read("database:\n  reserve: 10\n"))
        .hasMessageContaining(
            "database.max_connections is required: the server's max_connections setting, or"
                + " database.provider and database.instance");
  }
}
