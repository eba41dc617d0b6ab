package dev.poolcalc.config;

import dev.poolcalc.text.Written;
import dev.poolcalc.url.PostgresUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expands <code>${NAME}</code> and <code>${NAME:-default}</code> in string values from the
 * environment, so a deployment file can name a secret without holding it. A variable that is not
 * set is a problem naming it; <code>$${</code> writes a literal <code>${</code>.
 *
 * <p>Problems quote what the file says (<code>${DB_PASSWORD}</code>), never a resolved value.
 *
 * <p>With {@link Unset#SHOWN_IN_URLS} (plan, check, explain) a variable inside a URL that is not
 * set is no problem: it stands as a placeholder, recorded in {@link #unset()}, and is shown as
 * <code>${NAME}</code> (DESIGN.md, "Variables that CI does not have").
 */
final class Variables {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How a value lands in its string. */
  enum Context {
    /** Inserted as it is. */
    PLAIN,
    /**
     * Inside a connection URL: a variable in the user, password, database name or a parameter
     * stands for the raw value and is percent-encoded there, so a password holding '@' or '#'
     * works. A variable that is the whole URL, its scheme or its hosts is inserted as it is.
     */
    URL
  }

  /** What an unset variable without a default is. */
  enum Unset {
    /** A problem, wherever it is: env, audit and rehearse need every value. */
    REFUSED,
    /** Left in place inside a URL (and a problem anywhere else): enough to plan. */
    SHOWN_IN_URLS
  }

  private final Map<String, String> env;
  private final Problems problems;
  private final Unset policy;
  private final List<UnsetVariables.Unset> unset = new ArrayList<>();
  private final Map<String, String> placeholders = new java.util.HashMap<>();

  Variables(Map<String, String> env, Problems problems) {
    this(env, problems, Unset.REFUSED);
  }

  Variables(Map<String, String> env, Problems problems, Unset policy) {
    this.env = Map.copyOf(env);
    this.problems = problems;
    this.policy = policy;
  }

  /** The variables left unset in URLs so far, in the order read. */
  UnsetVariables unset() {
    return UnsetVariables.of(unset);
  }

  /**
   * The text with every variable replaced, or empty after recording a problem at {@code at}. Text
   * without <code>${</code> comes back unchanged.
   */
  Optional<String> expand(String text, String keyPath, SourceLocation at, Context context) {
    return expandWritten(text, keyPath, at, context).map(Written::text);
  }

  /**
   * Like {@link #expand}, keeping where each variable's value landed, so that a message about the
   * value can show <code>${NAME}</code> instead of the value.
   */
  Optional<Written> expandWritten(String text, String keyPath, SourceLocation at, Context context) {
    if (!text.contains("${")) {
      return Optional.of(Written.literal(text));
    }
    List<Segment> segments = new ArrayList<>();
    if (!tokenize(text, keyPath, at, segments)) {
      return Optional.empty();
    }
    boolean[] encode =
        context == Context.URL ? urlComponentNeedsEncoding(segments) : new boolean[segments.size()];
    StringBuilder out = new StringBuilder(text.length());
    List<Written.Variable> spans = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s.name == null) {
        out.append(s.text);
        continue;
      }
      String value = env.get(s.name);
      if (value == null || (value.isEmpty() && s.fallback != null)) {
        value = s.fallback;
      }
      if (value == null && context == Context.URL && policy == Unset.SHOWN_IN_URLS) {
        value = placeholder(s.name, keyPath, at);
      }
      if (value == null) {
        if (!missing.add(s.name)) {
          continue;
        }
        problems.add(
            at,
            keyPath
                + " uses ${"
                + s.name
                + "}, which is not set in the environment; set it, or give a default as ${"
                + s.name
                + ":-value}");
        continue;
      }
      int start = out.length();
      out.append(encode[i] ? PostgresUrl.encode(value) : value);
      spans.add(new Written.Variable(start, out.length(), s.name));
    }
    return !missing.isEmpty() ? Optional.empty() : Optional.of(new Written(out.toString(), spans));
  }

  private String placeholder(String name, String keyPath, SourceLocation at) {
    String placeholder =
        placeholders.computeIfAbsent(name, n -> UnsetVariables.placeholder(placeholders.size()));
    UnsetVariables.Unset entry = new UnsetVariables.Unset(name, keyPath, at, placeholder);
    if (!unset.contains(entry)) {
      unset.add(entry);
    }
    return placeholder;
  }

  /** A literal piece of text ({@code name == null}) or a variable with an optional default. */
  private record Segment(String text, String name, String fallback) {}

  private boolean tokenize(String text, String keyPath, SourceLocation at, List<Segment> out) {
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
        continue;
      }
      if (!text.startsWith("${", i)) {
        literal.append(text.charAt(i++));
        continue;
      }
      int close = text.indexOf('}', i + 2);
      if (close < 0) {
        problems.add(
            at,
            keyPath
                + " has \"${\" without a closing \"}\"; write ${NAME}, or $${ for a literal ${");
        return false;
      }
      String body = text.substring(i + 2, close);
      String name = body;
      String fallback = null;
      int sep = body.indexOf(":-");
      if (sep >= 0) {
        name = body.substring(0, sep);
        fallback = body.substring(sep + 2);
      }
      if (!NAME.matcher(name).matches()) {
        problems.add(
            at,
            keyPath
                + ": \"${"
                + body
                + "}\" is not a variable; write ${NAME} or ${NAME:-default}, where NAME is"
                + " letters, digits and '_'");
        return false;
      }
      if (fallback != null && fallback.contains("${")) {
        problems.add(
            at, keyPath + ": the default in \"${" + body + "}\" cannot hold another variable");
        return false;
      }
      if (literal.length() > 0) {
        out.add(new Segment(literal.toString(), null, null));
        literal.setLength(0);
      }
      out.add(new Segment(null, name, fallback));
      i = close + 1;
    }
    if (literal.length() > 0) {
      out.add(new Segment(literal.toString(), null, null));
    }
    return true;
  }

  /**
   * Which variables sit in a part of the URL whose value must be percent-encoded ({@link
   * PostgresUrl#encodedAt}). The URL's shape is read from the literal text alone, with each
   * variable as one opaque character, so a value's own '@' or '/' cannot move the boundaries.
   */
  private static boolean[] urlComponentNeedsEncoding(List<Segment> segments) {
    StringBuilder shape = new StringBuilder();
    int[] position = new int[segments.size()];
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      position[i] = shape.length();
      shape.append(s.name == null ? s.text : "\u0000");
    }
    boolean[] encode = new boolean[segments.size()];
    String skeleton = shape.toString();
    for (int i = 0; i < segments.size(); i++) {
      encode[i] = segments.get(i).name != null && PostgresUrl.encodedAt(skeleton, position[i]);
    }
    return encode;
  }
}
