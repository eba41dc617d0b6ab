package dev.poolcalc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolcalc.clients.EnvVar;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotenvTest {

  @Test
  void valuesAreSingleQuotedSoNoReaderExpandsOrEscapesThem() {
    assertThat(Dotenv.quote("postgresql://app:p%40ss@db/x?a=1&b=$x#y"))
        .isEqualTo("'postgresql://app:p%40ss@db/x?a=1&b=$x#y'");
    assertThat(Dotenv.quote("")).isEqualTo("''");
  }

  @Test
  void aValueWithASingleQuoteIsDoubleQuotedWhenThatIsSafe() {
    assertThat(Dotenv.quote("it's")).isEqualTo("\"it's\"");
  }

  @Test
  void valuesNoQuotingCarriesAreRefused() {
    assertThatThrownBy(() -> Dotenv.quote("it's $HOME")).hasMessageContaining("both ' and $");
    assertThatThrownBy(() -> Dotenv.quote("a\nb")).hasMessageContaining("line break");
  }

  @Test
  void blocksHaveCommentsThenVariablesAndAreSeparatedByABlankLine() {
    Dotenv.Block a = new Dotenv.Block(List.of("a: one"), List.of(EnvVar.plain("A_URL", "x")));
    Dotenv.Block b = new Dotenv.Block(List.of("b:\ntwo"), List.of(EnvVar.plain("B_URL", "y")));
    assertThat(Dotenv.render(List.of(a, b)))
        .isEqualTo("# a: one\nA_URL='x'\n\n# b: two\nB_URL='y'\n");
  }

  @Test
  void variableNamesAreWhatShellsAccept() {
    assertThat(EnvVar.validName("DATABASE_URL")).isTrue();
    assertThat(EnvVar.validName("_X1")).isTrue();
    assertThat(EnvVar.validName("1X")).isFalse();
    assertThat(EnvVar.validName("NO-WORK")).isFalse();
    assertThat(EnvVar.secret("A", "secret", "****").toString()).doesNotContain("secret");
  }
}
