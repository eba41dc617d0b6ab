package dev.poolcalc.render;

/**
 * How wide a person's terminal is, for lines of prose (findings) to wrap at: {@link #NONE} when the
 * output is piped or redirected, so each finding stays one line that grep and goldens see whole.
 * Words are never split; a word longer than the line stands alone on its own.
 */
public record Wrap(int columns) {

  /** One line each: no terminal. */
  public static final Wrap NONE = new Wrap(0);

  /** Narrower than this, wrapping would leave a word or two a line; lines stay whole. */
  static final int MIN_COLUMNS = 40;

  public Wrap {
    if (columns < 0) {
      throw new IllegalArgumentException("columns must be at least 0, got " + columns);
    }
  }

  /**
   * {@code text} after a prefix of {@code used} visible characters on the first line, its further
   * lines indented by {@code indent} spaces; without a trailing newline.
   */
  String text(int used, String text, int indent) {
    if (columns < MIN_COLUMNS || used + text.length() <= columns) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int lineLength = used;
    boolean lineEmpty = true;
    for (String word : text.split(" ", -1)) {
      if (!lineEmpty && lineLength + 1 + word.length() > columns) {
        out.append('\n').append(" ".repeat(indent));
        lineLength = indent;
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
      lineEmpty = false;
    }
    return out.toString();
  }
}
