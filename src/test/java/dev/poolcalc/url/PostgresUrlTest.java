package dev.poolcalc.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresUrlTest {

  /** What every accepted case becomes once Prisma's parameters are set, as PrismaUrl does. */
  private static String withOurParams(String url) {
    return PostgresUrl.parse(url)
        .with("connection_limit", "17")
        .with("application_name", "exchanger-web")
        .unmasked();
  }

  private static final String OURS = "connection_limit=17&application_name=exchanger-web";

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(
            "postgresql://app@db.internal:5432/exchanger_db",
            "postgresql://app@db.internal:5432/exchanger_db?" + OURS),
        Arguments.of("postgres://app@db/x", "postgres://app@db/x?" + OURS),
        Arguments.of(
            "postgresql://app:p%40ss%3Aw%2Frd%3F%23%25@db/x",
            "postgresql://app:p%40ss%3Aw%2Frd%3F%23%25@db/x?" + OURS),
        Arguments.of("postgresql://app:p%3a%2f@db/x", "postgresql://app:p%3A%2F@db/x?" + OURS),
        Arguments.of("postgresql://app:a:b@db/x", "postgresql://app:a%3Ab@db/x?" + OURS),
        Arguments.of("postgresql://app:@db/x", "postgresql://app:@db/x?" + OURS),
        Arguments.of("postgresql://:secret@db/x", "postgresql://:secret@db/x?" + OURS),
        Arguments.of("postgresql://us%65r@db/x", "postgresql://user@db/x?" + OURS),
        Arguments.of(
            "postgresql://app@[2001:db8::1]:5432/db",
            "postgresql://app@[2001:db8::1]:5432/db?" + OURS),
        Arguments.of("postgresql://[::1]/db", "postgresql://[::1]/db?" + OURS),
        Arguments.of(
            "postgresql://app@host1:5432,host2:5433,[::1]:5434/db?target_session_attrs=read-write",
            "postgresql://app@host1:5432,host2:5433,[::1]:5434/db?target_session_attrs=read-write&"
                + OURS),
        Arguments.of(
            "postgresql://app@/exchanger_db?host=/var/run/postgresql",
            "postgresql://app@/exchanger_db?host=/var/run/postgresql&" + OURS),
        Arguments.of(
            "postgresql:///db?host=%2Fvar%2Frun%2Fpostgresql",
            "postgresql:///db?host=/var/run/postgresql&" + OURS),
        Arguments.of(
            "postgresql://%2Fvar%2Frun%2Fpostgresql/db",
            "postgresql://%2Fvar%2Frun%2Fpostgresql/db?" + OURS),
        Arguments.of(
            "postgresql://db/x?sslmode=require&schema=public",
            "postgresql://db/x?sslmode=require&schema=public&" + OURS),
        Arguments.of(
            "postgresql://db/x?connection_limit=5&sslmode=require&connection_limit=9",
            "postgresql://db/x?connection_limit=17&sslmode=require&application_name=exchanger-web"),
        Arguments.of(
            "postgresql://db/x?application_name=old&connection_limit=3",
            "postgresql://db/x?application_name=exchanger-web&connection_limit=17"),
        Arguments.of(
            "postgresql://db/x?sslmode=require&&schema=a",
            "postgresql://db/x?sslmode=require&schema=a&" + OURS),
        Arguments.of("postgresql://db.internal", "postgresql://db.internal?" + OURS),
        Arguments.of("postgresql://", "postgresql://?" + OURS),
        Arguments.of(
            "postgresql://db/x?options=-c%20search_path%3Dapp",
            "postgresql://db/x?options=-c%20search_path%3Dapp&" + OURS),
        Arguments.of("postgresql://db/x?schema=a+b", "postgresql://db/x?schema=a%2Bb&" + OURS),
        Arguments.of("postgresql://db/my%20db", "postgresql://db/my%20db?" + OURS),
        Arguments.of("POSTGRESQL://db/x", "POSTGRESQL://db/x?" + OURS));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("accepted")
  void acceptedUrlsKeepEverythingAndSetOurParametersOnce(String in, String expected) {
    assertThat(withOurParams(in)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("accepted")
  void renderedUrlsParseBackToTheSameUrl(String in, String expected) {
    assertThat(withOurParams(expected)).isEqualTo(expected);
  }

  /** Input, a part the message must quote, and a secret it must never show (or null). */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("mysql://app@db/x", "unknown scheme \"mysql://\"", null),
        Arguments.of("postgis://app@db/x", "unknown scheme \"postgis://\"", null),
        Arguments.of("jdbc:postgresql://db/x?password=hunter2", "\"jdbc:\"", "hunter2"),
        Arguments.of("db.internal:5432/x", "\"db.internal:5432/x\" is not a URL", null),
        Arguments.of("app:hunter2@db/x", "\"app:****@db/x\" is not a URL", "hunter2"),
        Arguments.of("", "empty", null),
        Arguments.of(
            "postgresql://db/x?sslmode=require?connect_timeout=5",
            "\"sslmode=require?connect_timeout=5\" has a second '?'",
            null),
        Arguments.of(
            "postgresql://db/x?password=hun?ter2", "\"password=****\" has a second '?'", "hun"),
        Arguments.of("postgresql://db/x?=value", "\"=value\" has an empty parameter name", null),
        Arguments.of("postgresql://db/x?a=1&=2", "\"=2\" has an empty parameter name", null),
        Arguments.of("postgresql://db/x?sslmode", "parameter \"sslmode\" has no value", null),
        Arguments.of("postgresql://app@db:abc/x", "bad port \"abc\" in \"db:abc\"", null),
        Arguments.of("postgresql://app@db:0/x", "bad port \"0\"", null),
        Arguments.of("postgresql://app@db:65536/x", "bad port \"65536\"", null),
        Arguments.of("postgresql://db:/x", "bad port \"\" in \"db:\"", null),
        Arguments.of(
            "postgresql://app@h1:5432,h2:54x2/x", "bad port \"54x2\" in \"h2:54x2\"", null),
        Arguments.of(
            "postgresql://app@[::1]:99999/x", "bad port \"99999\" in \"[::1]:99999\"", null),
        // Without an '@' what follows ':' may be a password: it is never quoted.
        Arguments.of(
            "postgresql://app:hunter2/x",
            "\"app:****\": what follows ':' is not a port",
            "hunter2"),
        Arguments.of("postgresql://db:65536/x", "\"db:****\": what follows ':'", "65536"),
        Arguments.of("postgresql://h1:5432,h2:hunter2/x", "\"h2:****\"", "hunter2"),
        Arguments.of("postgresql://[::1]:hunter2/x", "\"[::1]:****\"", "hunter2"),
        Arguments.of("postgresql://::1/x", "put an IPv6 address in brackets", null),
        Arguments.of(
            "postgresql://[::1:5432/x", "\"[::1:5432\": an IPv6 address needs a closing", null),
        Arguments.of("postgresql://[db.internal]/x", "\"[db.internal]\" is not an IPv6", null),
        Arguments.of("postgresql://h1,,h2/x", "\"h1,,h2\" has an empty host", null),
        Arguments.of("postgresql://:5432/x", "\":5432\": a port needs a host", null),
        Arguments.of("postgresql://db host/x", "\"db host\" is not a host name", null),
        Arguments.of("postgresql://db/x#main", "\"#main\": a '#' ends a URL", null),
        Arguments.of(
            "postgresql://db/x?password=hun#ter2", "a '#' inside a password ends the URL", "hun"),
        Arguments.of(
            "postgresql://u:p@h/shop?sslmode=require?password=hunter2",
            "\"sslmode=require?password=****\" has a second '?'",
            "hunter2"),
        Arguments.of(
            "postgresql://u:p@h/shop?sslmode=require#password=hunter2",
            "\"#password=****\": a '#' ends a URL",
            "hunter2"),
        Arguments.of(
            "postgresql://u@h/shop?application_name=aaaaaaaaaaaaaaaaaaaaaaaa?pwd=hunter2",
            "has a second '?'",
            "hun"),
        Arguments.of(
            "postgresql://h/shop?a=1?Pass%77ord=hunter2", "\"a=1?Pass%77ord=****\"", "hunter2"),
        Arguments.of("postgresql://db/x?password=hun&ter2", "after a password has no value", "hun"),
        Arguments.of(
            "host=db password=hunter2 dbname=x",
            "\"host=db password=**** dbname=x\" is a libpq key=value string",
            "hunter2"),
        Arguments.of(
            "host=db password='hun ter2' dbname=x", "\"host=db password=**** dbname=x\"", "hun"),
        Arguments.of("db\nhost", "\"db\\nhost\" is not a URL", null),
        Arguments.of("postgresql://app:hun#ter2@db/x", "an '@' comes after", "hun"),
        Arguments.of("postgresql://app:hun/ter2@db/x", "an '@' comes after", "hun"),
        Arguments.of("postgresql://app:hun?ter2@db/x", "an '@' comes after", "hun"),
        Arguments.of("postgresql://app:hun@ter2@db/x", "unencoded '@'", "hun"),
        Arguments.of(
            "postgresql://app:hun%zter2@db/x", "bad percent-encoding in the password", "hun"),
        Arguments.of(
            "postgresql://db/x?password=hun%zz", "bad percent-encoding in parameter", "hun"),
        Arguments.of("postgresql://db/x%zz", "bad percent-encoding \"%zz\" in the database", null),
        Arguments.of("postgresql://db/x?sslmode=require\n", "control character", null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("refused")
  void urlsThatWouldSilentlyMisleadAreRefusedQuotingTheOffendingPart(
      String in, String quoted, String secret) {
    assertThatThrownBy(() -> PostgresUrl.parse(in))
        .isInstanceOf(InvalidUrlException.class)
        .hasMessageContaining(quoted)
        .satisfies(
            e -> {
              if (secret != null) {
                assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("ter2");
              }
            });
  }

  @Test
  void anErrorShowsAVariableAsWrittenAndNeverItsValue() {
    String text = "postgresql://app:hunter2@db:5432,db2:Zq9/x";
    dev.poolcalc.text.Written written =
        new dev.poolcalc.text.Written(
            text,
            List.of(
                new dev.poolcalc.text.Written.Variable(17, 24, "DB_PASSWORD"),
                new dev.poolcalc.text.Written.Variable(33, 40, "REPLICA")));
    assertThatThrownBy(() -> PostgresUrl.parse(written))
        .isInstanceOf(InvalidUrlException.class)
        .hasMessage(
            "bad port \"${REPLICA}\" in \"${REPLICA}\": a port is a number from 1 to 65535");
  }

  @Test
  void passwordLikeParametersAreMasked() {
    PostgresUrl url =
        PostgresUrl.parse("postgresql://db/x?passwd=a&PWD=b&api_token=c&sslmode=require");
    assertThat(url.masked())
        .isEqualTo("postgresql://db/x?passwd=****&PWD=****&api_token=****&sslmode=require");
  }

  @Test
  void tableCoversAtLeastTwentyCases() {
    assertThat(accepted().count() + refused().count()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void passwordWithEveryReservedCharacterDecodes() {
    PostgresUrl url = PostgresUrl.parse("postgresql://app:p%40ss%3Aw%2Frd%3F%23%25@db/x");
    assertThat(url.password()).contains("p@ss:w/rd?#%");
    assertThat(url.user()).contains("app");
    assertThat(url.hosts()).isEqualTo("db");
    assertThat(url.database()).contains("x");
  }

  @Test
  void maskedHidesThePasswordAndPasswordParameters() {
    PostgresUrl url =
        PostgresUrl.parse("postgresql://app:hunter2@db/x?sslpassword=keypass&password=other");
    assertThat(url.masked())
        .isEqualTo("postgresql://app:****@db/x?sslpassword=****&password=****")
        .doesNotContain("hunter2", "keypass", "other");
    assertThat(url.toString()).isEqualTo(url.masked());
    assertThat(url.unmasked()).contains("hunter2", "keypass", "other");
  }

  @Test
  void unixSocketDirectoryStaysAParameter() {
    PostgresUrl url = PostgresUrl.parse("postgresql://app@/db?host=/var/run/postgresql");
    assertThat(url.hosts()).isEmpty();
    assertThat(url.param("host")).contains("/var/run/postgresql");
  }

  @Test
  void withoutRemovesEveryOccurrence() {
    PostgresUrl url = PostgresUrl.parse("postgresql://db/x?a=1&b=2&a=3").without("a");
    assertThat(url.params()).containsExactly(new PostgresUrl.Param("b", "2"));
  }

  @Property
  void anyPasswordRoundTripsThroughTheUrl(
      @ForAll
          @StringLength(max = 24)
          @AlphaChars
          @NumericChars
          @Chars({'@', ':', '/', '?', '#', '%', ' ', '&', '=', '+', '$', '\'', '"', '[', 'é', '€'})
          String password) {
    PostgresUrl url =
        new PostgresUrl(
            "postgresql",
            Optional.of("app"),
            Optional.of(password),
            "db.internal:5432",
            Optional.of("x"),
            List.of(new PostgresUrl.Param("application_name", password)));
    PostgresUrl back = PostgresUrl.parse(url.unmasked());
    assertThat(back.password()).contains(password);
    assertThat(back.param("application_name")).contains(password);
    assertThat(back.unmasked()).isEqualTo(url.unmasked());
  }
}
