package dev.poolcalc.clients;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A libpq-style connection URI, {@code postgresql://user:password@host:port,host2/db?k=v}, taken
 * apart and put back together with correct percent-encoding, so setting a parameter never mangles a
 * password or drops a parameter the user had.
 *
 * <p>Parsing refuses what libpq and Prisma would read differently or silently ignore (a raw
 * {@code @} or {@code #}, a second {@code ?}, an empty key, a bad port). Error messages quote the
 * offending part, but never a password: they may end up in CI logs.
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
  public static final String MASK = "****";

  /** Query parameters that carry a secret and are masked like the password (libpq's names). */
  static final Set<String> SECRET_PARAMS = Set.of("password", "sslpassword");

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._%~-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._~-]+)?");
  private static final int QUOTE_LIMIT = 40;

  /** One query parameter. */
  public record Param(String key, String value) {
    public Param {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    boolean secret() {
      return SECRET_PARAMS.contains(key.toLowerCase(Locale.ROOT));
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
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new InvalidUrlException("the URL is empty (expected postgresql://user@host/db)");
    }
    int schemeEnd = url.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd);
    if (schemeEnd < 0 || !SCHEME.matcher(scheme).matches()) {
      if (url.regionMatches(true, 0, "jdbc:", 0, 5)) {
        throw new InvalidUrlException(
            "\"jdbc:\" starts a JDBC URL: write postgresql://user:password@host/db instead");
      }
      throw new InvalidUrlException(
          "\"" + shorten(redact(url)) + "\" is not a URL (expected postgresql://user@host/db)");
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("postgresql") && !lower.equals("postgres")) {
      throw new InvalidUrlException(
          "unknown scheme \"" + scheme + "://\": use postgresql:// or postgres://");
    }
    String rest = url.substring(schemeEnd + 3);
    rejectControlCharacters(rest);

    // The authority ends at the first '/', '?' or '#', as WHATWG parsers (Prisma's) read it.
    int authorityEnd = indexOfAny(rest, "/?#", 0);
    int lastAt = rest.lastIndexOf('@');
    if (lastAt > authorityEnd) {
      // libpq takes everything before the '@' as user:password, Prisma cuts the host at the
      // '/', '?' or '#': the two would connect to different places. Quoting could leak a password.
      throw new InvalidUrlException(
          "an '@' comes after a '/', '?' or '#': if they are part of the password,"
              + " percent-encode them (%2F, %3F, %23); anywhere else write '@' as %40");
    }
    String authority = rest.substring(0, authorityEnd);
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String hosts = authority;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      hosts = authority.substring(at + 1);
      if (userInfo.indexOf('@') >= 0) {
        // libpq splits at the first '@', Prisma at the last: never guess which was meant.
        throw new InvalidUrlException(
            "the user or password contains an unencoded '@': percent-encode it as %40");
      }
      int colon = userInfo.indexOf(':');
      String rawUser = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (!rawUser.isEmpty()) {
        user = Optional.of(decode(rawUser, "the user name", true));
      }
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1), "the password", false));
      }
    }
    validateHosts(hosts);

    String afterAuthority = rest.substring(authorityEnd);
    int hash = afterAuthority.indexOf('#');
    if (hash >= 0) {
      throw fragment(afterAuthority, hash);
    }
    String path = afterAuthority;
    String query = null;
    int question = afterAuthority.indexOf('?');
    if (question >= 0) {
      path = afterAuthority.substring(0, question);
      query = afterAuthority.substring(question + 1);
    }
    Optional<String> database = Optional.empty();
    if (path.length() > 1) {
      database = Optional.of(decode(path.substring(1), "the database name", true));
    }
    return new PostgresUrl(scheme, user, password, hosts, database, parseQuery(query));
  }

  private static List<Param> parseQuery(String query) {
    List<Param> params = new ArrayList<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2": libpq and Prisma both skip it, so it means nothing.
      }
      int eq = pair.indexOf('=');
      String rawKey = eq >= 0 ? pair.substring(0, eq) : pair;
      String key = decode(rawKey, "a parameter name", true);
      boolean secret = SECRET_PARAMS.contains(key.toLowerCase(Locale.ROOT));
      String shown = secret ? key + "=" + MASK : pair;
      if (pair.indexOf('?') >= 0) {
        throw new InvalidUrlException(
            "\""
                + shorten(shown)
                + "\" has a second '?': join parameters with '&'"
                + " (or write a '?' inside a value as %3F)");
      }
      if (rawKey.isEmpty()) {
        throw new InvalidUrlException(
            "\"" + shorten(shown) + "\" has an empty parameter name: write name=value");
      }
      if (eq < 0) {
        throw new InvalidUrlException(
            "parameter \"" + shorten(key) + "\" has no value: write " + key + "=value");
      }
      String value = decode(pair.substring(eq + 1), "parameter " + key, !secret);
      params.add(new Param(key, value));
    }
    return params;
  }

  private static InvalidUrlException fragment(String afterAuthority, int hash) {
    // A '#' inside password=… must not be quoted; find the parameter it sits in.
    int question = afterAuthority.indexOf('?');
    if (question >= 0 && question < hash) {
      int pairStart = afterAuthority.lastIndexOf('&', hash) + 1;
      pairStart = Math.max(pairStart, question + 1);
      int eq = afterAuthority.indexOf('=', pairStart);
      if (eq >= 0 && eq < hash) {
        String key = afterAuthority.substring(pairStart, eq);
        if (SECRET_PARAMS.contains(key.toLowerCase(Locale.ROOT))) {
          return new InvalidUrlException(
              "parameter " + key + " contains a '#', which ends a URL: percent-encode it as %23");
        }
      }
    }
    return new InvalidUrlException(
        "\""
            + shorten(afterAuthority.substring(hash))
            + "\": a '#' ends a URL and the rest would be dropped; percent-encode it as %23");
  }

  private static void rejectControlCharacters(String rest) {
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new InvalidUrlException(
            "the URL contains a control character (such as a line break) at position "
                + (i + 1)
                + " after \"://\": percent-encode it or remove it");
      }
    }
  }

  private static void validateHosts(String hosts) {
    if (hosts.isEmpty()) {
      return; // libpq's default: the Unix socket, or ?host=/dir.
    }
    for (String host : splitHosts(hosts)) {
      String name;
      String port = null;
      if (host.startsWith("[")) {
        int close = host.indexOf(']');
        if (close < 0) {
          throw new InvalidUrlException("\"" + host + "\": an IPv6 address needs a closing ']'");
        }
        name = host.substring(1, close);
        String after = host.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw new InvalidUrlException("\"" + host + "\": expected ':port' after ']'");
          }
          port = after.substring(1);
        }
        if (!IPV6.matcher(name).matches() || name.indexOf(':') < 0) {
          throw new InvalidUrlException("\"[" + name + "]\" is not an IPv6 address");
        }
      } else {
        int colon = host.indexOf(':');
        name = colon >= 0 ? host.substring(0, colon) : host;
        if (colon >= 0) {
          port = host.substring(colon + 1);
          if (port.indexOf(':') >= 0) {
            throw new InvalidUrlException(
                "\"" + host + "\": put an IPv6 address in brackets, as in [" + host + "]");
          }
        }
        if (name.isEmpty()) {
          throw new InvalidUrlException("\"" + host + "\": a port needs a host before it");
        }
        if (!HOST_NAME.matcher(name).matches()) {
          throw new InvalidUrlException(
              "\"" + shorten(name) + "\" is not a host name (letters, digits, '.', '-')");
        }
        decode(name, "the host", true);
      }
      if (port != null && !validPort(port)) {
        throw new InvalidUrlException(
            "bad port \"" + port + "\" in \"" + host + "\": a port is a number from 1 to 65535");
      }
    }
  }

  private static List<String> splitHosts(String hosts) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < hosts.length(); i++) {
      char c = hosts.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(hosts.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(hosts.substring(start));
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new InvalidUrlException("\"" + hosts + "\" has an empty host between commas");
      }
    }
    return parts;
  }

  private static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  /** Each host of the host list as written ({@code h1:5432}, {@code [::1]}); empty for none. */
  public List<String> hostList() {
    return hosts.isEmpty() ? List.of() : splitHosts(hosts);
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

  /**
   * Decodes %XX escapes as UTF-8. {@code quote} is false for secrets: then a bad escape is reported
   * without showing any of the text.
   */
  static String decode(String text, String what, boolean quote) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()
            || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          String shown =
              quote ? " \"" + text.substring(i, Math.min(text.length(), i + 3)) + "\"" : "";
          throw new InvalidUrlException(
              "bad percent-encoding" + shown + " in " + what + ": write a '%' as %25");
        }
        bytes.write(
            Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        int codePoint = text.codePointAt(i);
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Text that failed to parse as a URL, safe to quote: whatever sits between the first ':' and the
   * last '@' may be a password, so it is masked.
   */
  static String redact(String text) {
    int at = text.lastIndexOf('@');
    if (at < 0) {
      return text;
    }
    int colon = text.indexOf(':');
    if (colon < 0 || colon > at) {
      return text;
    }
    return text.substring(0, colon + 1) + MASK + text.substring(at);
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static String shorten(String text) {
    return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT - 3) + "..." : text;
  }
}
