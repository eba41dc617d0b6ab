package dev.poolcalc.url;

import dev.poolcalc.text.Written;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes one connection URL apart for {@link PostgresUrl#parse}, refusing what libpq and Prisma
 * would read differently or silently ignore.
 *
 * <p>Every position here is an index into the whole text as written, and every error quotes the
 * input only through {@link #quote}: what {@link UrlSecrets} marks is masked, a <code>${NAME}
 * </code> shows as written, control characters are escaped. No message builds a quote any other
 * way, so none can carry a password, whatever the URL's shape.
 */
final class UrlParser {

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern LIBPQ = Pattern.compile("\\s*[A-Za-z_]+\\s*=");
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._%~-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._~-]+)?");
  private static final int QUOTE_LIMIT = 40;

  private final Written written;
  private final String text;
  private final BitSet secret;

  UrlParser(Written written) {
    this.written = written;
    this.text = written.text();
    this.secret = UrlSecrets.in(text);
  }

  /** What the user wrote from {@code start} to {@code end}, in quotes, safe to print. */
  private String quote(int start, int end) {
    return written.quote(start, end, secret, QUOTE_LIMIT);
  }

  private String show(int start, int end) {
    return written.show(start, end, secret);
  }

  private boolean anySecret(int start, int end) {
    int next = secret.nextSetBit(start);
    return next >= 0 && next < end;
  }

  PostgresUrl parse() {
    if (text.isBlank()) {
      throw new InvalidUrlException("the URL is empty (expected postgresql://user@host/db)");
    }
    int schemeEnd = text.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd);
    if (schemeEnd < 0 || !SCHEME.matcher(scheme).matches()) {
      if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
        throw new InvalidUrlException(
            "\"jdbc:\" starts a JDBC URL: write postgresql://user:password@host/db instead");
      }
      if (schemeEnd < 0 && LIBPQ.matcher(text).lookingAt()) {
        throw new InvalidUrlException(
            quote(0, text.length())
                + " is a libpq key=value string, not a URL:"
                + " write postgresql://user:password@host/db");
      }
      throw new InvalidUrlException(
          quote(0, text.length()) + " is not a URL (expected postgresql://user@host/db)");
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("postgresql") && !lower.equals("postgres")) {
      throw new InvalidUrlException(
          "unknown scheme " + quote(0, schemeEnd + 3) + ": use postgresql:// or postgres://");
    }
    int rest = schemeEnd + 3;
    rejectControlCharacters(rest);

    // The authority ends at the first '/', '?' or '#', as WHATWG parsers (Prisma's) read it.
    int authorityEnd = indexOfAny(text, "/?#", rest);
    if (text.lastIndexOf('@') > authorityEnd) {
      // libpq takes everything before the '@' as user:password, Prisma cuts the host at the
      // '/', '?' or '#': the two would connect to different places.
      throw new InvalidUrlException(
          "an '@' comes after a '/', '?' or '#': if they are part of the password,"
              + " percent-encode them (%2F, %3F, %23); anywhere else write '@' as %40");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = text.lastIndexOf('@', authorityEnd - 1);
    int hostsStart = rest;
    if (at >= rest) {
      hostsStart = at + 1;
      int innerAt = text.indexOf('@', rest);
      if (innerAt < at) {
        // libpq splits at the first '@', Prisma at the last: never guess which was meant.
        throw new InvalidUrlException(
            "the user or password contains an unencoded '@': percent-encode it as %40");
      }
      int colon = text.indexOf(':', rest);
      int userEnd = colon >= 0 && colon < at ? colon : at;
      if (userEnd > rest) {
        user = Optional.of(decode(rest, userEnd, "the user name"));
      }
      if (userEnd < at) {
        password = Optional.of(decode(userEnd + 1, at, "the password"));
      }
    }
    validateHosts(hostsStart, authorityEnd);

    int hash = text.indexOf('#', authorityEnd);
    if (hash >= 0) {
      throw fragment(hash);
    }
    int question = text.indexOf('?', authorityEnd);
    int pathEnd = question >= 0 ? question : text.length();
    Optional<String> database = Optional.empty();
    if (pathEnd - authorityEnd > 1) {
      database = Optional.of(decode(authorityEnd + 1, pathEnd, "the database name"));
    }
    List<PostgresUrl.Param> params =
        question >= 0 ? parseQuery(question + 1, text.length()) : List.of();
    return new PostgresUrl(
        scheme, user, password, text.substring(hostsStart, authorityEnd), database, params);
  }

  private List<PostgresUrl.Param> parseQuery(int from, int to) {
    List<PostgresUrl.Param> params = new ArrayList<>();
    int pairStart = from;
    while (pairStart < to) {
      int pairEnd = indexOfAny(text, "&", pairStart);
      if (pairEnd > pairStart) {
        // An empty pair ("a=1&&b=2"): libpq and Prisma both skip it, so it means nothing.
        params.add(parsePair(pairStart, pairEnd));
      }
      pairStart = pairEnd + 1;
    }
    return params;
  }

  private PostgresUrl.Param parsePair(int start, int end) {
    int eq = text.indexOf('=', start);
    boolean hasValue = eq >= 0 && eq < end;
    int keyEnd = hasValue ? eq : end;
    String key = decode(start, keyEnd, "a parameter name");
    int question = text.indexOf('?', start);
    if (question >= 0 && question < end) {
      throw new InvalidUrlException(
          quote(start, end)
              + " has a second '?': join parameters with '&'"
              + " (or write a '?' inside a value as %3F)");
    }
    if (keyEnd == start) {
      throw new InvalidUrlException(
          quote(start, end) + " has an empty parameter name: write name=value");
    }
    if (!hasValue) {
      if (anySecret(start, end)) {
        throw new InvalidUrlException(
            "a parameter after a password has no value: if the password holds an '&',"
                + " percent-encode it as %26");
      }
      throw new InvalidUrlException(
          "parameter " + quote(start, end) + " has no value: write " + show(start, end) + "=value");
    }
    String value = decode(eq + 1, end, "parameter " + show(start, eq));
    return new PostgresUrl.Param(key, value);
  }

  private InvalidUrlException fragment(int hash) {
    if (secret.get(hash)) {
      return new InvalidUrlException(
          "a '#' inside a password ends the URL and drops the rest: percent-encode it as %23");
    }
    return new InvalidUrlException(
        quote(hash, text.length())
            + ": a '#' ends a URL and the rest would be dropped; percent-encode it as %23");
  }

  private void rejectControlCharacters(int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new InvalidUrlException(
            "the URL contains a control character (such as a line break) at position "
                + (i - from + 1)
                + " after \"://\": percent-encode it or remove it");
      }
    }
  }

  private void validateHosts(int from, int to) {
    if (from == to) {
      return; // libpq's default: the Unix socket, or ?host=/dir.
    }
    for (int[] host : hostRanges(text, from, to)) {
      if (host[0] == host[1]) {
        throw new InvalidUrlException(quote(from, to) + " has an empty host between commas");
      }
      validateHost(host[0], host[1]);
    }
  }

  private void validateHost(int start, int end) {
    int portStart = -1;
    if (text.charAt(start) == '[') {
      int close = text.indexOf(']', start);
      if (close < 0 || close >= end) {
        throw new InvalidUrlException(quote(start, end) + ": an IPv6 address needs a closing ']'");
      }
      if (close + 1 < end) {
        if (text.charAt(close + 1) != ':') {
          throw new InvalidUrlException(quote(start, end) + ": expected ':port' after ']'");
        }
        portStart = close + 2;
      }
      String name = text.substring(start + 1, close);
      if (!IPV6.matcher(name).matches() || name.indexOf(':') < 0) {
        throw new InvalidUrlException(quote(start, close + 1) + " is not an IPv6 address");
      }
    } else {
      int colon = text.indexOf(':', start);
      int nameEnd = end;
      if (colon >= 0 && colon < end) {
        nameEnd = colon;
        portStart = colon + 1;
        int second = text.indexOf(':', portStart);
        if (second >= 0 && second < end) {
          throw new InvalidUrlException(
              quote(start, end)
                  + ": put an IPv6 address in brackets, as in ["
                  + show(start, end)
                  + "]");
        }
      }
      if (nameEnd == start) {
        throw new InvalidUrlException(quote(start, end) + ": a port needs a host before it");
      }
      if (!HOST_NAME.matcher(text.substring(start, nameEnd)).matches()) {
        throw new InvalidUrlException(
            quote(start, nameEnd) + " is not a host name (letters, digits, '.', '-')");
      }
      decode(start, nameEnd, "the host");
    }
    if (portStart >= 0 && !validPort(text.substring(portStart, end))) {
      if (anySecret(portStart, end)) {
        throw new InvalidUrlException(
            quote(start, end)
                + ": what follows ':' is not a port (a number from 1 to 65535); a password goes"
                + " before the host, as in postgresql://user:password@host/db");
      }
      throw new InvalidUrlException(
          "bad port "
              + quote(portStart, end)
              + " in "
              + quote(start, end)
              + ": a port is a number from 1 to 65535");
    }
  }

  /**
   * Decodes %XX escapes in {@code text[start, end)} as UTF-8. A bad escape is quoted unless it sits
   * in a secret.
   */
  private String decode(int start, int end, String what) {
    try {
      return percentDecode(text.substring(start, end));
    } catch (BadEscape e) {
      int at = start + e.index;
      int stop = Math.min(end, at + 3);
      String shown = anySecret(at, stop) ? "" : " " + quote(at, stop);
      throw new InvalidUrlException(
          "bad percent-encoding" + shown + " in " + what + ": write a '%' as %25");
    }
  }

  /** The text decoded, or as it is when it holds a bad escape: for telling names apart only. */
  static String decodeLeniently(String text) {
    try {
      return percentDecode(text);
    } catch (BadEscape e) {
      return text;
    }
  }

  /** A '%' not followed by two hex digits, at {@code index}. */
  private static final class BadEscape extends Exception {
    private static final long serialVersionUID = 1L;
    final int index;

    BadEscape(int index) {
      super(null, null, false, false);
      this.index = index;
    }
  }

  private static String percentDecode(String text) throws BadEscape {
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
          throw new BadEscape(i);
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

  /** Each host of {@code text[from, to)} as {start, end}, split at commas outside brackets. */
  static List<int[]> hostRanges(String text, int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    parts.add(new int[] {start, to});
    return parts;
  }

  static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
