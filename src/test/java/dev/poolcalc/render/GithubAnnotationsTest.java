package dev.poolcalc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.config.SourceLocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {

  @Test
  void messagesEscapePercentAndLineBreaks() {
    assertThat(GithubAnnotations.data("50% of a\r\nb")).isEqualTo("50%25 of a%0D%0Ab");
  }

  @Test
  void propertiesAlsoEscapeColonAndComma() {
    assertThat(GithubAnnotations.property("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
  }

  @Test
  void commandCarriesFileLineColumnAndTitle() {
    assertThat(
            GithubAnnotations.command(
                "error",
                "./deploy/app.yaml",
                Optional.of(new SourceLocation("deploy/app.yaml", 7, 5)),
                "poolcalc: x",
                "two\nlines"))
        .isEqualTo("::error file=deploy/app.yaml,line=7,col=5,title=poolcalc%3A x::two%0Alines\n");
  }

  @Test
  void standardInputGetsNoFileProperty() {
    assertThat(GithubAnnotations.command("warning", "<stdin>", Optional.empty(), "t", "m"))
        .isEqualTo("::warning title=t::m\n");
  }
}
