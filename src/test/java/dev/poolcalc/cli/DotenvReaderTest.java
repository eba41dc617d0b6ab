package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test reader itself follows the rules it claims, or the env tests prove nothing. */
class DotenvReaderTest {

  @Test
  void readsTheCommonForms() {
    String text =
        "# comment\n"
            + "\n"
            + "export A=plain value # inline comment\n"
            + "B='literal $A \\n #kept'\n"
            + "C=\"escaped \\\"q\\\" \\n ${A}\"\n"
            + "D = spaced\n"
            + "E=a#b\n";
    assertThat(DotenvReader.read(text))
        .containsEntry("A", "plain value")
        .containsEntry("B", "literal $A \\n #kept")
        .containsEntry("C", "escaped \"q\" \n plain value")
        .containsEntry("D", "spaced")
        .containsEntry("E", "a#b");
  }

  @Test
  void refusesWhatRealParsersWouldSilentlyChange() {
    assertThatThrownBy(() -> DotenvReader.read("A=\"pa$word\"\n"))
        .hasMessageContaining("expand $word");
    assertThatThrownBy(() -> DotenvReader.read("A='open\n")).hasMessageContaining("unclosed");
  }
}
