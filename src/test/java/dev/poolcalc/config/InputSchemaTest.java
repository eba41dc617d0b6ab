package dev.poolcalc.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.poolcalc.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema of the input file, held to a real JSON Schema 2020-12 validator (networknt): it
 * accepts every file poolcalc plans and refuses what the schema can say is wrong. The checked-in
 * copy under schema/ is what {@code poolcalc schema} prints.
 */
class InputSchemaTest {

  private static final Path CHECKED_IN = Path.of("schema/poolcalc.schema.json");

  private static final String OK =
      "database:\n  max_connections: 100\n  url: postgresql://app:${DB_PASSWORD}@db/x\n"
          + "apps:\n  - name: web\n    replicas: 3\n";

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(CHECKED_IN, StandardCharsets.UTF_8), InputFormat.JSON);
  }

  /**
   * Validates the document as the reader resolves it: editors (yaml-language-server since 0.7.0,
   * https://github.com/redhat-developer/vscode-yaml/issues/241) apply merge keys before the schema,
   * but the validator's own YAML reading would see {@code <<} as a key.
   */
  private static List<Error> errors(String yaml) throws IOException {
    try {
      JsonNode resolved = json(YamlTreeReader.read("d.yaml", yaml));
      return schema().validate(resolved.toString(), InputFormat.JSON);
    } catch (InvalidInputException e) {
      return schema().validate(yaml, InputFormat.YAML);
    }
  }

  private static JsonNode json(YamlNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof YamlNode.Mapping m) {
      ObjectNode object = f.objectNode();
      m.entries().forEach((k, e) -> object.set(k, json(e.value())));
      return object;
    }
    if (node instanceof YamlNode.Sequence s) {
      ArrayNode array = f.arrayNode();
      s.items().forEach(i -> array.add(json(i)));
      return array;
    }
    YamlNode.Scalar s = (YamlNode.Scalar) node;
    return switch (s.kind()) {
      case INTEGER, DECIMAL -> f.numberNode(s.number());
      case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(s.text()));
      case NULL -> f.nullNode();
      case STRING -> f.textNode(s.text());
    };
  }

  @Test
  void checkedInCopyIsWhatTheCommandPrints() throws IOException {
    Cli.Result r = Cli.run("schema");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .as("regenerate it: java -jar target/poolcalc.jar schema > %s", CHECKED_IN)
        .isEqualTo(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
  }

  @Test
  void schemaIsValidAgainstItsDialect() throws IOException {
    Schema meta =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(com.networknt.schema.SchemaLocation.of(InputSchema.DIALECT));
    assertThat(meta.validate(Files.readString(CHECKED_IN), InputFormat.JSON)).isEmpty();
  }

  @Test
  void everySectionOfTheReaderIsInTheSchema() {
    // The reader's known keys are the table's; the schema is made from the same table.
    assertThat(InputSchema.schema().toString())
        .contains(DeploymentReader.DATABASE_KEYS.stream().map(k -> k + "=").toList())
        .contains(DeploymentReader.APP_KEYS.stream().map(k -> k + "=").toList());
  }

  static Stream<Path> plannedInputs() throws IOException {
    List<Path> inputs = new ArrayList<>();
    for (String dir :
        List.of("examples", "src/test/resources/golden", "src/test/resources/clients")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(inputs::add);
      }
    }
    // Only files that plan (exit 0 or 1): the invalid golden cases are refused by the reader.
    return inputs.stream().filter(f -> Cli.run("plan", f.toString()).exitCode() <= 1);
  }

  @ParameterizedTest
  @MethodSource("plannedInputs")
  void acceptsEveryFileThatPlans(Path input) throws IOException {
    assertThat(errors(Files.readString(input))).isEmpty();
  }

  @Test
  void acceptsVariablesWhereTheReaderExpandsThem() throws IOException {
    assertThat(
            errors(
                OK.replace("max_connections: 100", "max_connections: 100\n  reserve: \"${R}\"")
                    + "    client: ${CLIENT}\n"))
        .isEmpty();
  }

  @Test
  void acceptsExtensionKeysAtTheTopOnly() throws IOException {
    assertThat(errors("x-defaults: &d {replicas: 3}\n" + OK)).isEmpty();
    assertThat(errors(OK + "    x-team: payments\n")).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "an unknown key|max_conections: 100",
        "replicas as a word|replicas: three",
        "replicas below one|replicas: 0",
        "an unknown client|client: django",
        "an unknown strategy|rollout: {strategy: sideways}",
        "an unknown rollout key|rollout: {surge: 1}",
        "a weight of zero|weight: 0",
        "a fractional pool timeout|pool_timeout: 2.5",
        "a bad reserve|reserve: lots",
        "a JDBC URL|url: jdbc:postgresql://db/x",
        "version 2|version: 2",
        "a merged unknown key|<<: {colour: blue}"
      })
  void refusesWhatTheSchemaCanExpress(String testCase) throws IOException {
    String change = testCase.substring(testCase.indexOf('|') + 1);
    String yaml =
        switch (change.substring(0, change.indexOf(':'))) {
          case "<<" -> OK + "    " + change + "\n";
          case "max_conections", "reserve", "url" ->
              OK.replaceFirst("  url: [^\n]*\n", "")
                  .replace("database:\n", "database:\n  " + change + "\n");
          case "version" -> change + "\n" + OK;
          default ->
              OK.replace("    replicas: 3\n", "    replicas: 3\n    " + change + "\n")
                  .replace("    replicas: 3\n    replicas:", "    replicas:");
        };

    assertThat(errors(yaml)).as(testCase + "\n" + yaml).isNotEmpty();
    // The reader refuses it too: the schema is never stricter on these.
    assertThat(Cli.run(java.util.Map.of(), yaml, "plan", "-").exitCode()).as(testCase).isEqualTo(2);
  }
}
