package dev.poolcalc.url;

import dev.poolcalc.text.Written;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A libpq-style connection URI, {@code postgresql://user:password@host:port,host2/db?k=v}, taken
 * apart and put back together with correct percent-encoding, so setting a parameter never mangles a
 * password or drops a parameter the user had.
 *
 * <p>Parsing ({@link UrlParser}) refuses what libpq and Prisma would read differently or silently
 * ignore (a raw {@code @} or {@code #}, a second {@code ?}, an empty key, a bad port). Error
 * messages quote the offending part, but never a password or a variable's value, whatever the URL's
 * shape: they may end up in CI logs.
 *
 * @param hosts the host list as written ({@code h1:5432,[::1]:5433}); empty for a socket default
 * @param database the decoded database name, empty when not given
 * @param params query parameters, decoded, in order
 */
public record PostgresUrl(
    String scheme,
    Optional<String> user,
    Optional<String> password,
    String hosts,
    Optional<String> database,
    List<Param> params) {

  /** The text shown in place of a password everywhere but {@code env}. */
  public static final String MASK = Written.MASK;

  private static final List<String> SECRET_KEY_PARTS = List.of("pass", "pwd", "secret", "token");

  /** One query parameter. */
  public record Param(String key, String value) {
    public Param {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    boolean secret() {
      return isSecretKey(key);
    }
  }

  public PostgresUrl {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(database, "database");
    params = List.copyOf(params);
  }

  /**
   * Parses a {@code postgresql://} or {@code postgres://} URL.
   *
   * @throws InvalidUrlException saying what is wrong, quoting the part (never a password)
   */
  public static PostgresUrl parse(String url) {
    return parse(Written.literal(Objects.requireNonNull(url, "url")));
  }

  /**
   * Parses a URL as the user wrote it: an error quotes a <code>${NAME}</code> in it as written,
   * never its value.
   *
   * @throws InvalidUrlException saying what is wrong, quoting the part (never a password)
   */
  public static PostgresUrl parse(Written url) {
    return new UrlParser(url).parse();
  }

  /**
   * Whether text put at {@code index} of a URL lands in a part whose value is percent-encoded: the
   * user and password, or anything after the host list (database name, parameters). The scheme, the
   * hosts and a whole URL without {@code ://} take text as it is. {@code url} gives the shape only;
   * for a URL being written, each inserted value stands as one placeholder character that is none
   * of {@code :/?#@}, so a value's own '@' or '/' cannot move the boundaries.
   */
  public static boolean encodedAt(String url, int index) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return false;
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = UrlParser.indexOfAny(url, "/?#", authorityStart);
    int userInfoEnd = url.lastIndexOf('@', authorityEnd - 1);
    return (index >= authorityStart && index < userInfoEnd) || index >= authorityEnd;
  }

  /**
   * Whether a parameter named {@code key} may carry a secret, and so is masked like the password:
   * libpq's password and sslpassword, the usual spellings (passwd, pass, pwd) and any name with
   * pass, pwd, secret or token in it.
   */
  static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.equals("pw") || SECRET_KEY_PARTS.stream().anyMatch(lower::contains);
  }

  /** Each host of the host list as written ({@code h1:5432}, {@code [::1]}); empty for none. */
  public List<String> hostList() {
    return hosts.isEmpty()
        ? List.of()
        : UrlParser.hostRanges(hosts, 0, hosts.length()).stream()
            .map(r -> hosts.substring(r[0], r[1]))
            .toList();
  }

  /**
   * Each host of the host list as {@code host:port}, with {@code defaultPort} where the URL gives
   * none ({@code db:5432}, {@code [::1]:5432}); empty for none.
   */
  public List<String> hostList(int defaultPort) {
    return hostList().stream()
        .map(
            host -> {
              int close = host.startsWith("[") ? host.indexOf(']') : -1;
              return host.indexOf(':', close + 1) >= 0 ? host : host + ":" + defaultPort;
            })
        .toList();
  }

  /** The first parameter named {@code key}. */
  public Optional<String> param(String key) {
    return params.stream().filter(p -> p.key().equals(key)).map(Param::value).findFirst();
  }

  /**
   * This URL with {@code key} set to {@code value}: in place of its first occurrence (later
   * duplicates dropped), or appended.
   */
  public PostgresUrl with(String key, String value) {
    List<Param> next = new ArrayList<>(params.size() + 1);
    boolean placed = false;
    for (Param p : params) {
      if (!p.key().equals(key)) {
        next.add(p);
      } else if (!placed) {
        next.add(new Param(key, value));
        placed = true;
      }
    }
    if (!placed) {
      next.add(new Param(key, value));
    }
    return new PostgresUrl(scheme, user, password, hosts, database, next);
  }

  /** This URL without any parameter named {@code key}. */
  public PostgresUrl without(String key) {
    List<Param> next = params.stream().filter(p -> !p.key().equals(key)).toList();
    return new PostgresUrl(scheme, user, password, hosts, database, next);
  }

  /** The URL with every secret as {@code ****}: safe for plans, logs and CI output. */
  public String masked() {
    return format(true);
  }

  /** The URL with the real password: only for {@code env} output. */
  public String unmasked() {
    return format(false);
  }

  @Override
  public String toString() {
    return masked();
  }

  private String format(boolean mask) {
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (user.isPresent() || password.isPresent()) {
      user.ifPresent(u -> out.append(encode(u)));
      password.ifPresent(p -> out.append(':').append(mask ? MASK : encode(p)));
      out.append('@');
    }
    out.append(hosts);
    database.ifPresent(d -> out.append('/').append(encode(d)));
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      String value = mask && p.secret() ? MASK : encodeQuery(p.value());
      out.append(i == 0 ? '?' : '&').append(encodeQuery(p.key())).append('=').append(value);
    }
    return out.toString();
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  public static String encode(String text) {
    return encode(text, "");
  }

  /**
   * Like {@link #encode} but keeps '/', ':' and ',' readable, which a query may hold as they are
   * ({@code host=/var/run/postgresql}); '@', '?', '#', '&', '=' and '+' stay encoded so that libpq
   * and form-decoding parsers read the same value.
   */
  static String encodeQuery(String text) {
    return encode(text, "/:,");
  }

  private static String encode(String text, String alsoKeep) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || (c < 0x80 && alsoKeep.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
