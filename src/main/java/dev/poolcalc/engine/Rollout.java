package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How an app's pods are replaced on deploy, and so how many replicas hold pools at the worst moment
 * of it: during a rolling update new pods start before the old ones are gone, and pods that are
 * shutting down still hold their connections while Kubernetes no longer counts them.
 *
 * <p>Peak replicas: rolling = R + ceil(R × surge%) + floor(R × unavailable%) (a count is taken as
 * it is), recreate = R, blue-green = 2R. The rounding is Kubernetes' own: max_surge rounds up,
 * max_unavailable rounds down.
 *
 * @param maxSurge used by the rolling strategy only
 * @param maxUnavailable used by the rolling strategy only
 */
public record Rollout(Strategy strategy, Step maxSurge, Step maxUnavailable) {

  /** Kubernetes' default for both max_surge and max_unavailable. */
  public static final Step DEFAULT_STEP = Step.percentOf(new BigDecimal("25"));

  /** How the old pods give way to the new ones. */
  public enum Strategy {
    /** New pods start while old ones stop, a few at a time. */
    ROLLING("rolling"),
    /** Every old pod stops before a new one starts. */
    RECREATE("recreate"),
    /** A full second set runs beside the first until traffic switches. */
    BLUE_GREEN("blue-green");

    private final String key;

    Strategy(String key) {
      this.key = key;
    }

    /** The name written in the input file. */
    public String key() {
      return key;
    }

    public static Optional<Strategy> byKey(String key) {
      for (Strategy s : values()) {
        if (s.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** A rolling update's step: a replica count, or a percentage of the replicas. */
  public record Step(BigDecimal amount, boolean percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Step {
      Objects.requireNonNull(amount, "amount");
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("a rollout step must not be negative: " + amount);
      }
      if (!percent && amount.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException("a rollout step count must be whole: " + amount);
      }
    }

    public static Step replicas(long count) {
      return new Step(BigDecimal.valueOf(count), false);
    }

    public static Step percentOf(BigDecimal percent) {
      return new Step(percent, true);
    }

    /** ceil(replicas × P / 100), or the count as it is. */
    public long roundedUp(long replicas) {
      return resolve(replicas, RoundingMode.CEILING);
    }

    /** floor(replicas × P / 100), or the count as it is. */
    public long roundedDown(long replicas) {
      return resolve(replicas, RoundingMode.FLOOR);
    }

    public boolean isZero() {
      return amount.signum() == 0;
    }

    private long resolve(long replicas, RoundingMode rounding) {
      if (!percent) {
        return amount.longValueExact();
      }
      return BigDecimal.valueOf(replicas)
          .multiply(amount)
          .divide(HUNDRED, 0, rounding)
          .longValueExact();
    }

    /** As written in the file: {@code 25%} or {@code 1}. */
    @Override
    public String toString() {
      return amount.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
    }
  }

  public Rollout {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(maxSurge, "maxSurge");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
  }

  public static Rollout rolling(Step maxSurge, Step maxUnavailable) {
    return new Rollout(Strategy.ROLLING, maxSurge, maxUnavailable);
  }

  /** A rollout with the given strategy and Kubernetes' default steps. */
  public static Rollout of(Strategy strategy) {
    return new Rollout(strategy, DEFAULT_STEP, DEFAULT_STEP);
  }

  /** Pods above {@code replicas} that start before old ones stop: the new side of the peak. */
  public long surgeReplicas(long replicas) {
    return switch (strategy) {
      case ROLLING -> maxSurge.roundedUp(replicas);
      case RECREATE -> 0;
      case BLUE_GREEN -> replicas;
    };
  }

  /** Old pods still shutting down, and holding their pools, at the peak. */
  public long terminatingReplicas(long replicas) {
    return strategy == Strategy.ROLLING ? maxUnavailable.roundedDown(replicas) : 0;
  }

  /** The replicas that hold pools at once at the worst moment of a deploy. */
  public long peak(long replicas) {
    return Math.addExact(
        replicas, Math.addExact(surgeReplicas(replicas), terminatingReplicas(replicas)));
  }
}
