package dev.poolcalc.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads .env text the way the common dotenv parsers do (motdotla/dotenv, python-dotenv, Docker
 * Compose), so tests can check that what poolcalc writes reads back exactly:
 *
 * <ul>
 *   <li>blank lines and lines starting with '#' are skipped; an {@code export } prefix is ignored;
 *       spaces around '=' are allowed;
 *   <li>'single quoted' values are literal up to the closing quote;
 *   <li>"double quoted" values take \n, \r, \t, \\ and \" escapes and expand ${VAR} / $VAR;
 *   <li>unquoted values end at " #" (an inline comment), are trimmed, and expand variables.
 * </ul>
 *
 * Expansion uses the variables read so far; this reader fails on a reference it cannot resolve,
 * because real parsers would silently turn it into an empty string.
 */
final class DotenvReader {

  private DotenvReader() {}

  static Map<String, String> read(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a KEY=value line: " + raw);
      }
      String key = line.substring(0, eq).strip();
      if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        throw new IllegalArgumentException("bad key: " + key);
      }
      values.put(key, value(line.substring(eq + 1).strip(), values));
    }
    return values;
  }

  private static String value(String text, Map<String, String> known) {
    if (text.startsWith("'")) {
      int close = text.indexOf('\'', 1);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed single quote: " + text);
      }
      requireOnlyComment(text.substring(close + 1));
      return text.substring(1, close);
    }
    if (text.startsWith("\"")) {
      StringBuilder out = new StringBuilder();
      int i = 1;
      for (; i < text.length() && text.charAt(i) != '"'; i++) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
          char next = text.charAt(++i);
          out.append(
              switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> next;
              });
        } else {
          out.append(c);
        }
      }
      if (i >= text.length()) {
        throw new IllegalArgumentException("unclosed double quote: " + text);
      }
      requireOnlyComment(text.substring(i + 1));
      return expand(out.toString(), known);
    }
    int comment = text.indexOf(" #");
    String bare = comment >= 0 ? text.substring(0, comment) : text;
    return expand(bare.strip(), known);
  }

  private static void requireOnlyComment(String rest) {
    String r = rest.strip();
    if (!r.isEmpty() && !r.startsWith("#")) {
      throw new IllegalArgumentException("text after the closing quote: " + rest);
    }
  }

  private static String expand(String text, Map<String, String> known) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      String name;
      if (text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i);
        name = text.substring(i + 2, close);
        i = close;
      } else {
        int end = i + 1;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        if (end == i + 1) {
          out.append(c);
          continue;
        }
        name = text.substring(i + 1, end);
        i = end - 1;
      }
      String value = known.get(name);
      if (value == null) {
        throw new IllegalArgumentException("a dotenv parser would expand $" + name + " to nothing");
      }
      out.append(value);
    }
    return out.toString();
  }
}
