package dev.poolcalc.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {

  @Test
  void wrapsAtSpacesAndIndentsTheRest() {
    // 40 columns, 7 used by "error: ": the first line has 33 left, the others 38.
    String text = "the pools can open 125 connections but ordinary roles get only 97 [over-usable]";

    assertThat(new Wrap(40).text(7, text, 2))
        .isEqualTo(
            "the pools can open 125\n"
                + "  connections but ordinary roles get\n"
                + "  only 97 [over-usable]");
  }

  @Test
  void aWordLongerThanTheLineStandsAlone() {
    String url = "postgresql://app@db.internal:5432/" + "x".repeat(40);

    assertThat(new Wrap(40).text(2, "see " + url + " now", 4))
        .isEqualTo("see\n    " + url + "\n    now");
  }

  @Test
  void pipedTooNarrowOrShortEnoughStaysOneLine() {
    String text = "a ".repeat(60).trim();

    assertThat(Wrap.NONE.text(0, text, 2)).isEqualTo(text);
    assertThat(new Wrap(Wrap.MIN_COLUMNS - 1).text(0, text, 2)).isEqualTo(text);
    assertThat(new Wrap(200).text(0, text, 2)).isEqualTo(text);
  }
}
