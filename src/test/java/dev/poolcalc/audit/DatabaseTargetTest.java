package dev.poolcalc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolcalc.url.InvalidUrlException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

  @Test
  void theUserAndPasswordTravelAsPropertiesNeverInTheJdbcUrl() {
    DatabaseTarget target =
        DatabaseTarget.of(
            "postgresql://app:p%40ss%3Aword@db.internal:6432/exchanger_db"
                + "?connection_limit=17&sslmode=require&application_name=web",
            Optional.empty());

    Properties props = target.auditProperties("poolcalc-audit");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/exchanger_db");
    assertThat(props.getProperty("user")).isEqualTo("app");
    assertThat(props.getProperty("password")).isEqualTo("p@ss:word");
    assertThat(props.getProperty("sslmode")).isEqualTo("require");
    assertThat(props.getProperty("ApplicationName")).isEqualTo("poolcalc-audit");
    assertThat(props).doesNotContainKey("connection_limit");
    assertThat(target.endpoint()).isEqualTo("db.internal:6432");
  }

  @Test
  void theAuditConnectionIsReadOnlyWithShortTimeoutsAndRehearsalOnesAreNot() {
    DatabaseTarget target = DatabaseTarget.of("postgresql://app@db/x", Optional.empty());

    Properties audit = target.auditProperties("poolcalc-audit");
    Properties rehearsal = target.rehearsalProperties("exchanger-web");

    assertThat(audit.getProperty("connectTimeout")).isEqualTo("5");
    assertThat(audit.getProperty("options"))
        .isEqualTo("-c default_transaction_read_only=on -c statement_timeout=10s");
    assertThat(audit.getProperty("socketTimeout")).isEqualTo("35");
    assertThat(rehearsal.getProperty("ApplicationName")).isEqualTo("exchanger-web");
    assertThat(rehearsal).doesNotContainKeys("options", "socketTimeout");
  }

  @Test
  void connectTimeoutFromTheUrlIsKept() {
    DatabaseTarget target =
        DatabaseTarget.of("postgresql://app@db/x?connect_timeout=2", Optional.empty());

    assertThat(target.auditProperties("a").getProperty("connectTimeout")).isEqualTo("2");
    assertThatThrownBy(
            () -> DatabaseTarget.of("postgresql://db/x?connect_timeout=soon", Optional.empty()))
        .isInstanceOf(InvalidUrlException.class)
        .hasMessage("connect_timeout=soon is not a whole number of seconds of at least 1");
  }

  @Test
  void defaultsFillInPortHostAndTheFilesDatabase() {
    DatabaseTarget noDb =
        DatabaseTarget.of("postgres://app@db.internal", Optional.of("exchanger_db"));
    DatabaseTarget nothing = DatabaseTarget.of("postgresql://", Optional.empty());

    assertThat(noDb.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/exchanger_db");
    assertThat(nothing.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
  }

  @Test
  void severalHostsIpv6AndJdbcUrlsAreUnderstood() {
    DatabaseTarget target =
        DatabaseTarget.of(
            "jdbc:postgresql://[::1]:5433,db2/my%20db?user=app&password=secret", Optional.empty());

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433,db2:5432/my%20db");
    assertThat(target.endpoint()).isEqualTo("[::1]:5433, db2:5432");
    assertThat(target.user()).contains("app");
    assertThat(target.redact("no secret here")).isEqualTo("no **** here");
  }

  @Test
  void unixSocketsAreRefusedWithWhatToDo() {
    assertThatThrownBy(
            () ->
                DatabaseTarget.of(
                    "postgresql://app@%2Fvar%2Frun%2Fpostgresql/db", Optional.empty()))
        .isInstanceOf(InvalidUrlException.class)
        .hasMessageContaining("unix-domain socket")
        .hasMessageContaining("give host:port");
  }
}
