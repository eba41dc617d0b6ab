package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YAML the parser refuses, in the mistakes people make by hand: each is told in plain words, at the
 * line and column of the culprit, with exit 2 and nothing on standard output.
 */
class YamlSyntaxMessagesTest {

  private static final String DB = "database:\n  max_connections: 100\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        refused(
            "an indent that matches no key",
            DB + "apps:\n  - name: web\n   replicas: 3\n",
            "5:4: error: line 5 is indented by 3 spaces, which matches no key above it: indent it"
                + " like `name:` (4 spaces) or like `apps:` (0 spaces)"),
        refused(
            "an indent deeper than the key above",
            DB + "apps:\n  - name: web\n     replicas: 3\n",
            "5:6: error: line 5 is indented by 5 spaces, deeper than `name:` on line 4, which"
                + " already has a value: indent it like `name:` (4 spaces)"),
        refused(
            "a key at the list's dash",
            DB + "apps:\n  - name: web\n  replicas: 3\n",
            "5:3: error: line 5 is indented like the '-' on line 4 but is not a list item: indent"
                + " it like `name:` (4 spaces) or start it with '- '"),
        refused(
            "a list item out of line",
            DB + "apps:\n- name: web\n  replicas: 3\n  - name: bot\n",
            "6:3: error: line 6 starts a list item at 2 spaces, but the list above is at 0 spaces:"
                + " line its '-' up with the one on line 4"),
        refused(
            "a tab indenting",
            "database:\n\tmax_connections: 100\n",
            "2:1: error: a tab character indents this line: YAML indents with spaces only"),
        refused(
            "a tab after a colon",
            DB + "apps:\n  - name: web\n    replicas:\t3\n",
            "5:14: error: a tab character here: YAML separates a key from its value with spaces"
                + " only"),
        refused(
            "key:value among other keys",
            DB + "apps:\n  - name: web\n    replicas:3\n    client: prisma\n",
            "5:13: error: a space is missing after the colon: write replicas: 3"),
        refused(
            "key:value as a mapping's only line",
            "database:\n  max_connections:100\napps:\n  - name: web\n    replicas: 3\n",
            "2:3: error: database must be a mapping (got string \"max_connections:100\"); put a"
                + " space after the colon: max_connections: 100"),
        refused(
            "a value holding a colon and a space",
            DB + "apps:\n  - name: web: api\n    replicas: 3\n",
            "4:14: error: a value holding ': ' must be quoted: write name: \"web: api\""),
        refused(
            "an unclosed double quote",
            "database:\n  max_connections: 100\n  url: \"postgres://db/x\napps:\n  - name: web\n",
            "3:8: error: the \" that starts this value is never closed: end the value with \""),
        refused(
            "an unclosed single quote",
            "database:\n  max_connections: 100\n  name: 'shop\napps:\n  - name: web\n",
            "3:9: error: the ' that starts this value is never closed: end the value with '"),
        refused(
            "text after a closing quote",
            "database:\n  max_connections: 100\n  name: \"shop\" db\n",
            "3:16: error: text after the closing quote: put the whole value inside the quotes"),
        refused(
            "an unclosed bracket",
            "database:\n  max_connections: 100\napps: [{name: web, replicas: 3}\n",
            "3:7: error: this '[' is not closed before line 4: end the list with ']'"),
        refused(
            "an unclosed brace",
            "database: {max_connections: 100\napps:\n  - name: web\n",
            "1:11: error: this '{' is not closed before line 2: end the mapping with '}'"),
        refused(
            "a missing comma in braces",
            "database: {max_connections: 100 reserve: 5}\n",
            "1:40: error: expected ',' or '}' here: separate the entries of the mapping at column"
                + " 11 with commas"),
        refused(
            "a duplicate key",
            DB + "apps:\n  - name: web\n    replicas: 3\n    replicas: 4\n",
            "6:5: error: duplicate key 'replicas' (first written at line 5); keep one"),
        refused(
            "a list for a document",
            "- database\n- apps\n",
            "1:1: error: the top level must be a mapping with 'database' and 'apps' (got a list)"),
        refused(
            "a word for a document",
            "hello\n",
            "1:1: error: the top level must be a mapping with 'database' and 'apps' (got string"
                + " \"hello\")"));
  }

  private static Arguments refused(String name, String yaml, String expected) {
    return Arguments.of(name, yaml, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void saysWhatIsWrongWhereItIs(String name, String yaml, String expected) {
    Cli.Result result = Cli.run(Map.of(), yaml, "plan", "-");

    assertThat(result.exitCode()).as(name).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).as(name).isEqualTo("<stdin>:" + expected + "\n");
  }
}
