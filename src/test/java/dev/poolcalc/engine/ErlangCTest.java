package dev.poolcalc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Erlang C as {@link ErlangC} computes it (the Erlang B recursion), against values worked by hand,
 * against the textbook formula evaluated directly with exact factorials here, and against a seeded
 * discrete-event simulation of the M/M/c queue.
 *
 * <p>No published M/M/c table could be looked up from this machine, so the reference values are
 * ones worked by hand below and the direct formula P_wait = (A^c / c! · c / (c − A)) / (Σ_{k<c} A^k
 * / k! + A^c / c! · c / (c − A)) in 50-digit BigDecimal.
 */
class ErlangCTest {

  /**
   * c = 3, A = 2: A³/3! · 3/(3 − 2) = 8/6 · 3 = 4; Σ_{k<3} A^k/k! = 1 + 2 + 2 = 5; P_wait = 4 / (5
   * + 4) = 4/9. c = 1, A = 0.5: an M/M/1 queue waits with probability ρ = 0.5. c = 2, A = 1: A²/2!
   * · 2/(2 − 1) = 1; Σ_{k<2} = 1 + 1 = 2; P_wait = 1 / 3.
   */
  @Test
  void handWorkedValues() {
    assertThat(ErlangC.waitProbability(3, 2)).isCloseTo(4.0 / 9, within(1e-15));
    assertThat(ErlangC.waitProbability(1, 0.5)).isCloseTo(0.5, within(1e-15));
    assertThat(ErlangC.waitProbability(2, 1)).isCloseTo(1.0 / 3, within(1e-15));
  }

  @ParameterizedTest
  @CsvSource({"1,0.9", "2,1.5", "5,3.2", "10,8", "17,16", "28,18", "55,48", "100,90", "150,149.5"})
  void agreesWithTheDirectFormula(int c, double a) {
    assertThat(ErlangC.waitProbability(c, a)).isCloseTo(direct(c, a), within(1e-12));
  }

  /** The recursion stays finite and in [0, 1] where A^c / c! would overflow a double. */
  @ParameterizedTest
  @CsvSource({"1000,950", "5000,4900", "10000,9900", "10000,9999.5", "10000,100"})
  void staysStableForLargePools(int c, double a) {
    double p = ErlangC.waitProbability(c, a);

    assertThat(p).isBetween(0.0, 1.0);
    assertThat(Double.isFinite(p)).isTrue();
  }

  @Test
  void agreesWithTheDirectFormulaAtTenThousand() {
    assertThat(ErlangC.waitProbability(10_000, 9_900))
        .isCloseTo(direct(10_000, 9_900), within(1e-9));
  }

  /**
   * The smallest c > A with P(wait > t) ≤ 1 %, found by trying every c from the direct formula: A =
   * 18, S = 90 ms, t = 10 ms.
   */
  @Test
  void neededLimitIsTheFirstPoolThatMeetsTheTarget() {
    App web = App.of("web", Replicas.fixed(3), 1);
    Demand demand = new Demand(new BigDecimal("600"), new BigDecimal("90"), BigDecimal.TEN);
    long expected = 19;
    while (direct((int) expected, 18) * Math.exp(-(expected - 18) * 10 / 90.0) > 0.01) {
      expected++;
    }

    PoolLoad load = PoolLoad.of(web, demand, 17);

    assertThat(load.offeredLoad()).isEqualTo(18.0);
    assertThat(load.saturated()).isTrue();
    assertThat(load.neededLimit()).isEqualTo(expected);
  }

  /** Seeded discrete-event M/M/c simulations agree with P_wait within 3 percentage points. */
  @ParameterizedTest
  @CsvSource({"2,1.5", "5,4", "10,8", "17,14", "28,18"})
  void simulationAgreesWithTheFormula(int c, double a) {
    double simulated = simulatedWaitProbability(c, a, 400_000, new Random(20261203L + c));

    assertThat(simulated).isCloseTo(ErlangC.waitProbability(c, a), Offset.offset(0.03));
  }

  /**
   * Service rate 1, arrival rate a: each arrival takes the connection free soonest; it waits when
   * that one is still busy. The first tenth of the arrivals warm the queue up and are not counted.
   */
  private static double simulatedWaitProbability(int c, double a, int arrivals, Random random) {
    double[] freeAt = new double[c];
    double now = 0;
    int waited = 0;
    int counted = 0;
    for (int i = 0; i < arrivals; i++) {
      now += -Math.log(1 - random.nextDouble()) / a;
      int soonest = 0;
      for (int k = 1; k < c; k++) {
        if (freeAt[k] < freeAt[soonest]) {
          soonest = k;
        }
      }
      double start = Math.max(now, freeAt[soonest]);
      if (i >= arrivals / 10) {
        counted++;
        if (start > now) {
          waited++;
        }
      }
      freeAt[soonest] = start - Math.log(1 - random.nextDouble());
    }
    return (double) waited / counted;
  }

  /** The textbook formula with exact factorials and powers, in 50 significant digits. */
  static double direct(int c, double load) {
    MathContext mc = new MathContext(50);
    BigDecimal a = new BigDecimal(load);
    BigDecimal term = BigDecimal.ONE; // A^k / k!
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < c; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(a, mc).divide(BigDecimal.valueOf(k + 1), mc);
    }
    BigDecimal top =
        term.multiply(BigDecimal.valueOf(c), mc).divide(BigDecimal.valueOf(c).subtract(a), mc);
    return top.divide(sum.add(top, mc), mc).doubleValue();
  }
}
