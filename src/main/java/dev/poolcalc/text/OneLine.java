package dev.poolcalc.text;

/**
 * Text made safe for a one-line message ({@code file:line:col: error: …}): a line break, a tab or
 * any other control character in a value becomes an escape such as {@code \n}, so a value can
 * neither break the line nor forge a second one.
 */
public final class OneLine {

  private OneLine() {}

  /** {@code text} with every control character escaped; other text unchanged. */
  public static String of(String text) {
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      append(out, text.charAt(i));
    }
    return out.toString();
  }

  /** Appends {@code c}, escaped when it is a control character. */
  static void append(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (isControl(c)) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
