package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How one app's pools cope with its {@code demand}: each pool is an M/M/c queue ({@link ErlangC})
 * with c = its connection_limit.
 *
 * <p>λ = R / (steady replicas × processes), a range at its max: the traffic spreads over the pools
 * that run between deploys. A = λ × S / 1000 (Little's law: connections busy on average). A ≥ c is
 * saturation: the queue grows without end and every request waits. Otherwise the wait follows
 * Erlang C, and {@code neededLimit} is the smallest c > A with P(wait > wait_ms) ≤ 1 %.
 *
 * @param requestsPerPool λ: requests per second reaching one pool
 * @param offeredLoad A
 * @param limit c
 * @param saturated A ≥ c (compared exactly); the probabilities are then 1 and the mean wait
 *     infinite
 * @param waitProbability P_wait: the share of requests that find every connection busy
 * @param longWaitProbability P(wait > wait_ms)
 * @param timeoutProbability P(wait > pool_timeout): the share that time out
 * @param meanWaitMs P_wait · S / (c − A), over all requests
 * @param neededLimit the smallest c > A with P(wait > wait_ms) ≤ {@link #TARGET}
 */
public record PoolLoad(
    Demand demand,
    long poolTimeoutSeconds,
    long steadyPools,
    double requestsPerPool,
    double offeredLoad,
    long limit,
    boolean saturated,
    double waitProbability,
    double longWaitProbability,
    double timeoutProbability,
    double meanWaitMs,
    long neededLimit) {

  /** The share of requests allowed to wait longer than wait_ms. */
  public static final double TARGET = 0.01;

  /** Above this share of timeouts, pool-timeouts-likely. */
  public static final double TIMEOUT_WARNING = 0.001;

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  /** The load on {@code app}'s pools when each holds {@code limit} connections. */
  public static PoolLoad of(App app, Demand demand, long limit) {
    long pools = app.steadyInstances();
    // A exactly: A ≥ c and c > A are decided on it, not on a rounded double.
    BigDecimal work = demand.requestsPerSecond().multiply(demand.dbTimeMs());
    BigDecimal perPoolTimesThousand = THOUSAND.multiply(BigDecimal.valueOf(pools));
    double a = work.divide(perPoolTimesThousand, MathContext.DECIMAL64).doubleValue();
    double lambda =
        demand
            .requestsPerSecond()
            .divide(BigDecimal.valueOf(pools), MathContext.DECIMAL64)
            .doubleValue();
    double s = demand.dbTimeMs().doubleValue();
    long needed = neededLimit(work, perPoolTimesThousand, a, s, demand.waitMs().doubleValue());
    boolean saturated =
        work.compareTo(perPoolTimesThousand.multiply(BigDecimal.valueOf(limit))) >= 0;
    double timeoutMs = app.poolTimeout() * 1000.0;
    if (saturated) {
      return new PoolLoad(
          demand,
          app.poolTimeout(),
          pools,
          lambda,
          a,
          limit,
          true,
          1,
          1,
          1,
          Double.POSITIVE_INFINITY,
          needed);
    }
    double pWait = ErlangC.waitProbability(limit, a);
    return new PoolLoad(
        demand,
        app.poolTimeout(),
        pools,
        lambda,
        a,
        limit,
        false,
        pWait,
        ErlangC.waitLongerThan(pWait, limit, a, demand.waitMs().doubleValue(), s),
        ErlangC.waitLongerThan(pWait, limit, a, timeoutMs, s),
        ErlangC.meanWait(pWait, limit, a, s),
        needed);
  }

  /**
   * The smallest c > A with P(wait > waitMs) ≤ TARGET: B is carried up from B₀ one step per c, so
   * the search costs one recursion to the answer.
   */
  static long neededLimit(
      BigDecimal work, BigDecimal perPoolTimesThousand, double a, double s, double waitMs) {
    // smallest integer c with c × 1000 × pools > R × S
    long c = work.divideToIntegralValue(perPoolTimesThousand).longValueExact() + 1;
    double b = 1.0;
    for (long k = 1; k < c; k++) {
      b = ErlangC.nextB(b, k, a);
    }
    while (true) {
      b = ErlangC.nextB(b, c, a);
      double pWait = ErlangC.waitProbabilityFromB(c, a, b);
      if (ErlangC.waitLongerThan(pWait, c, a, waitMs, s) <= TARGET) {
        return c;
      }
      c++;
    }
  }
}
