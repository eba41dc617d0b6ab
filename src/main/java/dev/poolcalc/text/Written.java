package dev.poolcalc.text;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A string value as the user wrote it: its text after <code>${NAME}</code> expansion, and where
 * each variable's value landed in that text.
 *
 * <p>Messages quote a value only through {@link #quote}, the one place that turns what the user
 * wrote into text safe to print: a variable shows as <code>${NAME}</code>, never its value; what
 * the caller marks secret shows as {@code ****}; control characters are escaped ({@link OneLine});
 * and a long quote is cut only after all that, so the cut can never reveal half a secret.
 *
 * @param text the value after expansion
 * @param variables where each variable's value sits in {@code text}, in order, not overlapping
 */
public record Written(String text, List<Variable> variables) {

  /** What a secret shows as in every message and in every output but {@code env}. */
  public static final String MASK = "****";

  /**
   * One variable's value in the text.
   *
   * @param start the value's first index in the text
   * @param end the index after its last character
   * @param name the variable's name, shown as <code>${NAME}</code>
   */
  public record Variable(int start, int end, String name) {
    public Variable {
      Objects.requireNonNull(name, "name");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span " + start + ".." + end);
      }
    }

    /**
     * How it shows in a message. A default (<code>${NAME:-value}</code>) is left out: it may be a
     * password written in the file.
     */
    public String shown() {
      return "${" + name + "}";
    }
  }

  public Written {
    Objects.requireNonNull(text, "text");
    variables = List.copyOf(variables);
  }

  /** A value with no variables in it, such as a command-line argument. */
  public static Written literal(String text) {
    return new Written(text, List.of());
  }

  public boolean hasVariables() {
    return !variables.isEmpty();
  }

  /**
   * The most characters a message quotes of a value: enough to recognise it, while a 64 KiB value
   * written by mistake still makes a one-line message.
   */
  public static final int MESSAGE_QUOTE_LIMIT = 80;

  /**
   * The whole value in double quotes, safe to print, cut after {@link #MESSAGE_QUOTE_LIMIT}
   * characters: see {@link #quote(int, int, BitSet, int)}.
   */
  public String quote() {
    return quote(0, text.length(), new BitSet(), MESSAGE_QUOTE_LIMIT);
  }

  /**
   * The part of the value from {@code start} to {@code end}, in double quotes, safe to print.
   *
   * @param secret the indexes of {@link #text} that must not be shown: each run of them becomes
   *     {@code ****}; a secret wins over a variable
   * @param limit the most characters to show between the quotes; a longer quote is cut and ends in
   *     "..."
   */
  public String quote(int start, int end, BitSet secret, int limit) {
    return "\"" + shorten(show(start, end, secret), limit) + "\"";
  }

  /** Like {@link #quote(int, int, BitSet, int)}, without the quotes and never cut. */
  public String show(int start, int end, BitSet secret) {
    StringBuilder out = new StringBuilder(end - start + 8);
    int i = start;
    while (i < end) {
      if (secret.get(i)) {
        out.append(MASK);
        i = secret.nextClearBit(i);
        continue;
      }
      Variable variable = variableAt(i);
      if (variable != null) {
        out.append(variable.shown());
        i = variable.end();
        continue;
      }
      OneLine.append(out, text.charAt(i));
      i++;
    }
    return out.toString();
  }

  private Variable variableAt(int index) {
    for (Variable v : variables) {
      if (index >= v.start() && index < v.end()) {
        return v;
      }
    }
    return null;
  }

  private static String shorten(String shown, int limit) {
    return shown.length() > limit ? shown.substring(0, Math.max(0, limit - 3)) + "..." : shown;
  }
}
