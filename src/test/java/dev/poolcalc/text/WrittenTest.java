package dev.poolcalc.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenTest {

  /** "postgresql://app:hunter2@db.internal/x" with the password from ${DB_PASSWORD}. */
  private static final Written URL =
      new Written(
          "postgresql://app:hunter2@db.internal/x",
          List.of(new Written.Variable(17, 24, "DB_PASSWORD")));

  @Test
  void aVariableShowsAsWrittenNotItsValue() {
    assertThat(URL.quote()).isEqualTo("\"postgresql://app:${DB_PASSWORD}@db.internal/x\"");
  }

  @Test
  void aQuoteThatStartsInsideAVariableShowsTheWholeName() {
    assertThat(URL.show(20, 30, new BitSet())).isEqualTo("${DB_PASSWORD}@db.in");
  }

  @Test
  void aSecretWinsOverAVariableAndEachRunIsOneMask() {
    BitSet secret = new BitSet();
    secret.set(17, 24);
    assertThat(URL.show(0, URL.text().length(), secret))
        .isEqualTo("postgresql://app:****@db.internal/x");
  }

  @Test
  void aLongQuoteIsCutOnlyAfterMasking() {
    Written text = Written.literal("sslmode=require?password=hunter2hunter2hunter2");
    BitSet secret = new BitSet();
    secret.set(25, text.text().length());
    assertThat(text.quote(0, text.text().length(), secret, 40))
        .isEqualTo("\"sslmode=require?password=****\"");
    assertThat(text.quote(0, text.text().length(), secret, 20))
        .isEqualTo("\"sslmode=require?p...\"");
  }

  @Test
  void controlCharactersAreEscaped() {
    assertThat(Written.literal("a\nb\r\tc\u0007\u2028").quote())
        .isEqualTo("\"a\\nb\\r\\tc\\u0007\\u2028\"");
    assertThat(OneLine.of("plain – é")).isEqualTo("plain – é");
  }

  @Test
  void aLongValueIsQuotedInItsFirstEightyCharacters() {
    String huge = "x".repeat(65_536);
    // 77 characters and "..." make 80 between the quotes.
    assertThat(Written.literal(huge).quote()).isEqualTo("\"" + "x".repeat(77) + "...\"");
    assertThat(Written.literal("y".repeat(80)).quote()).isEqualTo("\"" + "y".repeat(80) + "\"");
  }
}
