package dev.poolcalc.clients;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A libpq-style connection URI, {@code postgresql://user:password@host:port,host2/db?k=v}, taken
 * apart and put back together with correct percent-encoding, so setting a parameter never
 * mangles a password or drops a parameter the user had.
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

  /** One query parameter. */
  public record Param(String key, String value) {
    public Param {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
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

  public static PostgresUrl parse(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      throw new InvalidUrlException(
          "\"" + shorten(url) + "\" is not a postgresql:// URL (expected postgresql://user@host/db)");
    }
    String scheme = url.substring(0, schemeEnd);
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("postgresql") && !lower.equals("postgres")) {
      throw new InvalidUrlException(
          "unknown scheme \"" + scheme + "://\": use postgresql:// or postgres://");
    }
    String rest = url.substring(schemeEnd + 3);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      throw new InvalidUrlException(
          "\"" + rest.substring(hash) + "\": a '#' ends a URL; percent-encode it as %23");
    }
    String query = null;
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
      if (query.indexOf('?') >= 0) {
        throw new InvalidUrlException(
            "\"?" + query + "\" has a second '?': join parameters with '&'");
      }
    }
    String authority = rest;
    String path = null;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      authority = rest.substring(0, slash);
      path = rest.substring(slash + 1);
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = authority.lastIndexOf('@');
    String hosts = authority;
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      hosts = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String rawUser = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (!rawUser.isEmpty()) {
        user = Optional.of(decode(rawUser, "user name"));
      }
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1), "password"));
      }
    }
    validateHosts(hosts);
    Optional<String> database =
        path == null || path.isEmpty() ? Optional.empty() : Optional.of(decode(path, "database name"));
    return new PostgresUrl(scheme, user, password, hosts, database, parseQuery(query));
  }

  private static List<Param> parseQuery(String query) {
    List<Param> params = new ArrayList<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq >= 0 ? pair.substring(0, eq) : pair;
      if (key.isEmpty()) {
        throw new InvalidUrlException("\"" + pair + "\" has an empty parameter name");
      }
      String value = eq >= 0 ? pair.substring(eq + 1) : "";
      params.add(new Param(decode(key, "parameter name"), decode(value, "parameter " + key)));
    }
    return params;
  }

  private static void validateHosts(String hosts) {
    if (hosts.isEmpty()) {
      return;
    }
    for (String host : splitHosts(hosts)) {
      String port = null;
      if (host.startsWith("[")) {
        int close = host.indexOf(']');
        if (close < 0) {
          throw new InvalidUrlException("\"" + host + "\": an IPv6 address needs a closing ']'");
        }
        String after = host.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw new InvalidUrlException("\"" + host + "\": expected ':port' after ']'");
          }
          port = after.substring(1);
        }
      } else {
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
          port = host.substring(colon + 1);
        }
        if ((colon >= 0 ? colon : host.length()) == 0 && port != null) {
          throw new InvalidUrlException("\"" + host + "\": a port needs a host before it");
        }
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
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
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

  /** The URL with the password as {@code ****}: safe for plans, logs and CI output. */
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
      out.append(i == 0 ? '?' : '&').append(encode(p.key())).append('=').append(encode(p.value()));
    }
    return out.toString();
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  static String decode(String text, String what) {
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
          throw new InvalidUrlException(
              "bad percent-encoding \""
                  + text.substring(i, Math.min(text.length(), i + 3))
                  + "\" in the "
                  + what
                  + ": write '%' as %25");
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
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

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
