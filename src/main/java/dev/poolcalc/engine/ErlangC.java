package dev.poolcalc.engine;

/**
 * The M/M/c queue behind a pool: requests arrive at random (Poisson), each holds a connection for
 * an exponentially distributed time with mean S, and c connections serve them. A = λ × S is the
 * offered load in connections busy on average.
 *
 * <p>Erlang C is computed through the Erlang B recursion B₀ = 1, B_k = A·B_{k−1} / (k + A·B_{k−1}),
 * then P_wait = c·B_c / (c − A·(1 − B_c)). Every step stays in [0, 1], so unlike the textbook
 * formula with A^c / c! it neither overflows nor loses precision for c in the thousands.
 */
public final class ErlangC {

  private ErlangC() {}

  /** B_c: the Erlang B blocking probability of c servers at offered load {@code a}. */
  public static double erlangB(long c, double a) {
    double b = 1.0;
    for (long k = 1; k <= c; k++) {
      b = nextB(b, k, a);
    }
    return b;
  }

  /** B_k from B_{k−1}. */
  static double nextB(double previous, long k, double a) {
    double ab = a * previous;
    return ab / (k + ab);
  }

  /** P_wait from B_c: the probability that a request finds all c connections busy (a < c). */
  public static double waitProbabilityFromB(long c, double a, double bc) {
    return c * bc / (c - a * (1 - bc));
  }

  /** P_wait for c connections at offered load {@code a}; needs a < c. */
  public static double waitProbability(long c, double a) {
    if (!(a < c)) {
      throw new IllegalArgumentException("Erlang C needs a load below the connections");
    }
    return waitProbabilityFromB(c, a, erlangB(c, a));
  }

  /** P(wait > t) = P_wait · e^(−(c − A)·t / S), t and S in the same unit. */
  public static double waitLongerThan(double pWait, long c, double a, double t, double s) {
    return pWait * Math.exp(-(c - a) * t / s);
  }

  /** Mean wait over all requests, P_wait · S / (c − A), in S's unit. */
  public static double meanWait(double pWait, long c, double a, double s) {
    return pWait * s / (c - a);
  }
}
