package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  private static String yaml(String url) {
    return "database:\n"
        + "  max_connections: 100\n"
        + "  url: \""
        + url
        + "\"\n"
        + "apps:\n"
        + "  - name: web\n"
        + "    replicas: 1\n";
  }

  private static String url(String url, Map<String, String> env) throws InvalidInputException {
    return DeploymentReader.parse("d.yaml", yaml(url), env)
        .deployment()
        .database()
        .url()
        .orElseThrow();
  }

  private static InvalidInputException failure(String text, Map<String, String> env) {
    try {
      DeploymentReader.parse("d.yaml", text, env);
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected the file to be refused");
  }

  @Test
  void setVariableIsUsed() throws Exception {
    assertThat(url("postgresql://app:${DB_PASSWORD}@db/x", Map.of("DB_PASSWORD", "s3cret")))
        .isEqualTo("postgresql://app:s3cret@db/x");
  }

  @Test
  void defaultIsUsedWhenTheVariableIsUnsetOrEmpty() throws Exception {
    assertThat(url("postgresql://app:${DB_PASSWORD:-dev}@db/x", Map.of()))
        .isEqualTo("postgresql://app:dev@db/x");
    assertThat(url("postgresql://app:${DB_PASSWORD:-dev}@db/x", Map.of("DB_PASSWORD", "")))
        .isEqualTo("postgresql://app:dev@db/x");
  }

  @Test
  void setButEmptyVariableWithoutDefaultIsEmpty() throws Exception {
    assertThat(url("postgresql://app:${DB_PASSWORD}@db/x", Map.of("DB_PASSWORD", "")))
        .isEqualTo("postgresql://app:@db/x");
  }

  @Test
  void missingVariableIsAProblemThatNamesItAtTheValue() {
    InvalidInputException e =
        failure(yaml("postgresql://app:${DB_PASSWORD}@${DB_HOST}/x"), Map.of());
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0).toString())
        .startsWith("d.yaml:3:8: error: database.url uses ${DB_PASSWORD}, which is not set");
    assertThat(e.problems().get(1).message()).contains("${DB_HOST}");
  }

  private static DeploymentFile planning(String text, Map<String, String> env)
      throws InvalidInputException {
    return DeploymentReader.parse("d.yaml", text, env, Variables.Unset.SHOWN_IN_URLS);
  }

  @Test
  void forPlanningAnUnsetVariableInTheUrlIsListedWhereItIsWritten() throws Exception {
    DeploymentFile file =
        planning(yaml("postgresql://app:${DB_PASSWORD}@${DB_HOST}/x"), Map.of("DB_HOST", "db"));
    assertThat(file.unset().all())
        .extracting(UnsetVariables.Unset::name, UnsetVariables.Unset::keyPath)
        .containsExactly(org.assertj.core.api.Assertions.tuple("DB_PASSWORD", "database.url"));
    assertThat(file.unset().all().get(0).at()).isEqualTo(new SourceLocation("d.yaml", 3, 8));
    String url = file.deployment().database().url().orElseThrow();
    assertThat(file.unset().shown(url)).isEqualTo("postgresql://app:${DB_PASSWORD}@db/x");
  }

  @Test
  void forPlanningAUrlThatIsOneUnsetVariableIsLeftOut() throws Exception {
    DeploymentFile file = planning(yaml("${DATABASE_URL}"), Map.of());
    assertThat(file.deployment().database().url()).isEmpty();
    assertThat(file.unset().all())
        .extracting(UnsetVariables.Unset::name)
        .containsExactly("DATABASE_URL");
  }

  @Test
  void forPlanningAnUnsetVariableOutsideAUrlIsStillAProblem() {
    String text =
        "database:\n  max_connections: 100\n  name: ${DB_NAME}\n  reserve: \"${R}\"\n"
            + "apps:\n  - name: ${APP}\n    replicas: 1\n";
    InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class, () -> planning(text, Map.of()));
    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "d.yaml:3:9: error: database.name uses ${DB_NAME}, which is not set in the"
                + " environment; set it, or give a default as ${DB_NAME:-value}",
            "d.yaml:4:12: error: database.reserve uses ${R}, which is not set in the"
                + " environment; set it, or give a default as ${R:-value}",
            "d.yaml:6:11: error: apps[0].name uses ${APP}, which is not set in the"
                + " environment; set it, or give a default as ${APP:-value}");
  }

  @Test
  void forPlanningAUrlBrokenWhereAVariableIsUnsetNamesIt() {
    InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class,
            () -> planning(yaml("postgresql://app@db:${DB_PORT}/x"), Map.of()));
    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "d.yaml:3:8: error: database.url is not a usable connection URL: bad port"
                + " \"${DB_PORT}\" in \"db:${DB_PORT}\": a port is a number from 1 to 65535"
                + " (not set here: ${DB_PORT}; set them to check this URL)");
  }

  @Test
  void aVariableUsedTwiceIsReportedOnce() {
    InvalidInputException e = failure(yaml("postgresql://${U}:${U}@db/x"), Map.of());
    assertThat(e.problems()).hasSize(1);
  }

  @Test
  void passwordValueIsPercentEncodedWhereTheUrlNeedsIt() throws Exception {
    String resolved =
        url("postgresql://app:${DB_PASSWORD}@db/x", Map.of("DB_PASSWORD", "p@ss:w/rd?#%"));
    assertThat(resolved).isEqualTo("postgresql://app:p%40ss%3Aw%2Frd%3F%23%25@db/x");
  }

  @Test
  void userDatabaseAndParameterValuesAreEncodedButHostsAreNot() throws Exception {
    Map<String, String> env =
        Map.of("U", "a b", "HOST", "db.internal:5432", "DB", "my/db", "MODE", "verify full");
    assertThat(url("postgresql://${U}@${HOST}/${DB}?sslmode=${MODE}", env))
        .isEqualTo("postgresql://a%20b@db.internal:5432/my%2Fdb?sslmode=verify%20full");
  }

  @Test
  void aVariableHoldingTheWholeUrlIsTakenAsItIs() throws Exception {
    Map<String, String> env = Map.of("DATABASE_URL", "postgresql://app:p%40ss@db/x");
    assertThat(url("${DATABASE_URL}", env)).isEqualTo("postgresql://app:p%40ss@db/x");
    assertThat(url("${DATABASE_URL}?sslmode=require", env))
        .isEqualTo("postgresql://app:p%40ss@db/x?sslmode=require");
  }

  @Test
  void dollarDollarBraceIsALiteral() throws Exception {
    assertThat(url("postgresql://app:pa$${x}@db/x", Map.of()))
        .isEqualTo("postgresql://app:pa${x}@db/x");
  }

  @Test
  void aDollarWithoutBraceIsLeftAlone() throws Exception {
    assertThat(url("postgresql://app:pa$$word$@db/x", Map.of()))
        .isEqualTo("postgresql://app:pa$$word$@db/x");
  }

  @Test
  void malformedVariablesAreProblems() {
    assertThat(failure(yaml("postgresql://app:${DB_PASSWORD@db/x"), Map.of()).getMessage())
        .contains("without a closing \"}\"");
    assertThat(failure(yaml("postgresql://app:${1X}@db/x"), Map.of()).getMessage())
        .contains("\"${1X}\" is not a variable");
    assertThat(failure(yaml("postgresql://app:${X:?oops}@db/x"), Map.of()).getMessage())
        .contains("\"${X:?oops}\" is not a variable");
    assertThat(failure(yaml("postgresql://app:${X:-${Y}}@db/x"), Map.of()).getMessage())
        .contains("cannot hold another variable");
  }

  @Test
  void otherStringValuesAreExpandedAsTheyAre() throws Exception {
    String text =
        "database:\n"
            + "  name: ${DB_NAME:-exchanger_db}\n"
            + "  max_connections: 100\n"
            + "  reserve: ${RESERVE}\n"
            + "apps:\n"
            + "  - name: ${APP_PREFIX}-web\n"
            + "    replicas: 1\n";
    var file =
        DeploymentReader.parse("d.yaml", text, Map.of("RESERVE", "15%", "APP_PREFIX", "shop"));
    assertThat(file.deployment().database().name()).contains("exchanger_db");
    assertThat(file.deployment().database().reserve().roundedUp(100)).isEqualTo(15);
    assertThat(file.deployment().apps().get(0).name()).isEqualTo("shop-web");
  }

  @Test
  void problemsQuoteTheWrittenTextNeverTheResolvedValue() {
    String text =
        "database:\n"
            + "  max_connections: 100\n"
            + "  reserve: \"${RESERVE}\"\n"
            + "apps:\n"
            + "  - name: web\n"
            + "    replicas: 1\n";
    InvalidInputException e = failure(text, Map.of("RESERVE", "hunter2"));
    assertThat(e.getMessage()).contains("${RESERVE}").doesNotContain("hunter2");
  }

  @Test
  void numericKeysSayVariablesAreForStrings() {
    String text =
        "database:\n"
            + "  max_connections: ${MAX}\n"
            + "apps:\n"
            + "  - name: web\n"
            + "    replicas: 1\n";
    assertThatThrownBy(() -> DeploymentReader.parse("d.yaml", text, Map.of("MAX", "100")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("variables are expanded only in string values");
  }

  @Test
  void withoutAnEnvironmentEveryVariableWithoutDefaultIsMissing() {
    assertThatThrownBy(() -> DeploymentReader.parse("d.yaml", yaml("postgresql://${H}/x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("${H}");
  }

  @Test
  void countsAndPercentagesExpandAlikeWhereverTheyAreWritten() throws Exception {
    String text =
        String.join(
            "\n",
            "version: 1",
            "database:",
            "  max_connections: 100",
            "  reserve: \"${R}\"",
            "apps:",
            "  - name: web",
            "    replicas: 4",
            "    rollout:",
            "      max_surge: \"${S}\"",
            "      max_unavailable: \"${U}\"",
            "");
    var deployment =
        DeploymentReader.parse("d.yaml", text, Map.of("R", "10", "S", "50%", "U", "0"))
            .deployment();

    // 4 replicas, max_surge 50 % → ceil(2) = 2 more at the peak: 6.
    assertThat(deployment.apps().get(0).rollout().orElseThrow().peak(4)).isEqualTo(6);
    assertThat(deployment.database().reserve().roundedUp(100)).isEqualTo(10);
  }
}
