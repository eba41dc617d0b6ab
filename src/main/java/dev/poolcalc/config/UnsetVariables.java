package dev.poolcalc.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The variables a connection URL uses that the environment does not set, for the commands that can
 * plan without them ({@code plan}, {@code check}, {@code explain}): a CI job without the production
 * password still checks the arithmetic.
 *
 * <p>Each unset variable stands in the URL as a placeholder of letters and digits only, which
 * parses as a user, password, host, database name or parameter and survives percent-encoding
 * unchanged; {@link #shown} puts <code>${NAME}</code> back wherever the URL is printed. The
 * placeholder never leaves poolcalc, and no value is involved: there is none.
 */
public final class UnsetVariables {

  /**
   * One unset variable in one URL.
   *
   * @param name the variable's name
   * @param keyPath where the URL is, such as {@code database.url}
   * @param at where the URL is written
   * @param placeholder what stands for it in the URL until it is shown
   */
  public record Unset(String name, String keyPath, SourceLocation at, String placeholder) {
    public Unset {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(keyPath, "keyPath");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(placeholder, "placeholder");
    }

    /** How it shows in output: as written, without any default. */
    public String shown() {
      return "${" + name + "}";
    }
  }

  private static final UnsetVariables NONE = new UnsetVariables(List.of());

  private final List<Unset> unset;

  private UnsetVariables(List<Unset> unset) {
    this.unset = List.copyOf(unset);
  }

  public static UnsetVariables none() {
    return NONE;
  }

  static UnsetVariables of(List<Unset> unset) {
    return unset.isEmpty() ? NONE : new UnsetVariables(unset);
  }

  /**
   * The placeholder for the {@code index}th unset variable. Lower-case letters and digits with an
   * 'x' on both sides, so that no placeholder is the start of another ({@code 1x} and {@code 10x}).
   */
  static String placeholder(int index) {
    return "xpoolcalcunset" + index + "x";
  }

  public boolean isEmpty() {
    return unset.isEmpty();
  }

  public List<Unset> all() {
    return unset;
  }

  /** By key path, in the order they were read: what one finding per URL names. */
  public Map<String, List<Unset>> byKeyPath() {
    Map<String, List<Unset>> out = new LinkedHashMap<>();
    for (Unset u : unset) {
      out.computeIfAbsent(u.keyPath(), k -> new ArrayList<>()).add(u);
    }
    return out;
  }

  /** {@code text} with every placeholder shown as the <code>${NAME}</code> it stands for. */
  public String shown(String text) {
    String out = text;
    for (Unset u : unset) {
      out = out.replace(u.placeholder(), u.shown());
    }
    return out;
  }

  /** Whether {@code text} is nothing but one placeholder: the whole URL was one unset variable. */
  boolean isWholly(String text) {
    return unset.stream().anyMatch(u -> u.placeholder().equals(text));
  }
}
