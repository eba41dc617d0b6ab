package dev.poolcalc.url;

import java.util.BitSet;
import java.util.List;

/**
 * Which characters of a connection string may be a secret, found in the raw text whatever its shape
 * (a valid URL, a broken one, a libpq {@code key=value} string), so that no error message about it
 * can quote a password. It errs towards masking too much: masking only ever costs a message some
 * detail.
 */
final class UrlSecrets {

  private UrlSecrets() {}

  /** The indexes of {@code text} that an error message must not show. */
  static BitSet in(String text) {
    BitSet secret = new BitSet(text.length());
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    if (text.lastIndexOf('@') >= start) {
      userInfo(text, start, text.lastIndexOf('@'), secret);
    } else {
      portsThatAreNot(text, start, UrlParser.indexOfAny(text, "/?#", start), secret);
    }
    parameters(text, scheme >= 0, secret);
    return secret;
  }

  /**
   * {@code user:password@}: libpq and Prisma disagree on where it ends when it holds another '@',
   * so everything after the first ':' or '@' up to the last '@' is masked.
   */
  private static void userInfo(String text, int start, int lastAt, BitSet secret) {
    for (int i = start; i < lastAt; i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '@') {
        secret.set(i + 1, lastAt);
        return;
      }
    }
  }

  /**
   * Without an '@', {@code postgresql://app:SECRET/shop} reads as host {@code app} with port {@code
   * SECRET}: what follows a host's ':' is masked unless it is a port. An unbracketed IPv6 address
   * ({@code ::1}) is left alone, so the message can say to bracket it.
   */
  private static void portsThatAreNot(String text, int start, int end, BitSet secret) {
    List<int[]> hosts = UrlParser.hostRanges(text, start, end);
    for (int[] host : hosts) {
      int from = host[0];
      int to = host[1];
      int portStart;
      if (from < to && text.charAt(from) == '[') {
        int close = text.indexOf(']', from);
        if (close < 0 || close >= to || close + 1 >= to || text.charAt(close + 1) != ':') {
          continue;
        }
        portStart = close + 2;
      } else {
        int colon = text.indexOf(':', from);
        if (colon < 0 || colon >= to) {
          continue;
        }
        portStart = colon + 1;
        int second = text.indexOf(':', portStart);
        if (second >= 0 && second < to && looksLikeIpv6(text, from, to)) {
          continue;
        }
      }
      if (!UrlParser.validPort(text.substring(portStart, to))) {
        secret.set(portStart, to);
      }
    }
  }

  private static boolean looksLikeIpv6(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.digit(c, 16) < 0 && c != ':' && c != '.' && c != '%') {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of every password-like parameter ({@link PostgresUrl#isSecretKey}), wherever it
   * stands: after '?', '&', a second '?', a '#', or a space in a libpq string. In a URL a value
   * runs to the next '&' (and a following piece with no '=', which may be the rest of a password
   * that holds a raw '&'); in a libpq string to the next space outside single quotes.
   */
  private static void parameters(String text, boolean url, BitSet secret) {
    for (int eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
      int keyEnd = eq;
      while (keyEnd > 0 && Character.isWhitespace(text.charAt(keyEnd - 1))) {
        keyEnd--; // libpq allows "password = x"
      }
      int keyStart = keyEnd;
      while (keyStart > 0 && isKeyChar(text.charAt(keyStart - 1))) {
        keyStart--;
      }
      if (keyStart == keyEnd
          || !PostgresUrl.isSecretKey(
              UrlParser.decodeLeniently(text.substring(keyStart, keyEnd)))) {
        continue;
      }
      int valueEnd = url ? urlValueEnd(text, eq + 1) : libpqValueEnd(text, eq + 1);
      secret.set(eq + 1, valueEnd);
    }
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.'
        || c == '%';
  }

  private static int urlValueEnd(String text, int from) {
    int end = indexOr(text, '&', from);
    while (end < text.length()) {
      int next = indexOr(text, '&', end + 1);
      if (text.substring(end + 1, next).indexOf('=') >= 0) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static int libpqValueEnd(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '\'') {
      for (i++; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '\'') {
          return i + 1;
        }
      }
      return text.length();
    }
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int indexOr(String text, char c, int from) {
    int i = text.indexOf(c, from);
    return i < 0 ? text.length() : i;
  }
}
