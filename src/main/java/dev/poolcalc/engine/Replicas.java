package dev.poolcalc.engine;

/**
 * How many replicas of an app run: a fixed count ({@code min == max}) or an autoscaling range,
 * which the plan sizes for its maximum because every replica opens its own pools.
 */
public record Replicas(long min, long max, boolean range) {

  public Replicas {
    if (min < 0 || max < 1 || min > max) {
      throw new IllegalArgumentException("replicas need 0 <= min <= max and max >= 1");
    }
    if (!range && min != max) {
      throw new IllegalArgumentException("fixed replicas have min == max");
    }
  }

  public static Replicas fixed(long count) {
    return new Replicas(count, count, false);
  }

  public static Replicas between(long min, long max) {
    return new Replicas(min, max, true);
  }

  /** The replica count the plan multiplies: the fixed count or the autoscaling maximum. */
  public long peak() {
    return max;
  }
}
