package dev.poolcalc.engine;

import java.math.BigDecimal;
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
public record Rollout(Strategy strategy, Amount maxSurge, Amount maxUnavailable) {

  /** Kubernetes' default for both max_surge and max_unavailable. */
  public static final Amount DEFAULT_STEP = Amount.percentOf(new BigDecimal("25"));

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

  public Rollout {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(maxSurge, "maxSurge");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
  }

  public static Rollout rolling(Amount maxSurge, Amount maxUnavailable) {
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
