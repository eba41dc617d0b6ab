package dev.poolcalc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.poolcalc.engine.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AdviceTest {

  private static App fixed(String name, long replicas, long limit) {
    return App.of(name, Replicas.fixed(replicas), 1).withConnectionLimit(limit);
  }

  private static Plan plan(long max, long reserve, App... apps) {
    Database db = Database.of(max, Amount.count(reserve));
    return Sizing.plan(new Deployment(db, List.of(apps)));
  }

  @Test
  void scenarioTwoNamesTheAppThatPushesItOverAndWhatWouldFit() {
    Plan plan = plan(100, 15, fixed("exchanger-web", 3, 20), fixed("exchanger-telegram", 2, 20));

    Advice advice = Advice.of(plan);

    Overrun overrun = advice.overrun().orElseThrow();
    // web holds 3 × 20 = 60 of the 100; telegram, listed last, only 40.
    assertThat(overrun.app()).isEqualTo("exchanger-web");
    assertThat(overrun.appConnections()).isEqualTo(60);
    assertThat(overrun.line()).isEqualTo(Line.USABLE);
    assertThat(overrun.limit()).isEqualTo(97);
    assertThat(overrun.excess()).isEqualTo(3);
    assertThat(advice.remedies())
        .extracting(
            Remedy::kind, r -> r.name().orElse(""), Remedy::from, Remedy::to, Remedy::totalAfter)
        .containsExactly(
            tuple(Remedy.Kind.LOWER_CONNECTION_LIMIT, "exchanger-web", 20L, 15L, 85L),
            tuple(Remedy.Kind.LOWER_CONNECTION_LIMIT, "exchanger-telegram", 20L, 12L, 84L),
            tuple(Remedy.Kind.RAISE_MAX_CONNECTIONS, "", 100L, 118L, 100L));
  }

  @Test
  void planThatFitsNeedsNoAdvice() {
    Advice advice = Advice.of(plan(100, 15, fixed("web", 3, 15), fixed("bot", 2, 10)));
    assertThat(advice.overrun()).isEmpty();
    assertThat(advice.remedies()).isEmpty();
  }

  @Test
  void overBudgetCrossesTheBudgetLine() {
    Plan plan = plan(100, 15, fixed("web", 3, 30));
    assertThat(plan.status()).isEqualTo(Status.WARNING);

    Advice advice = Advice.of(plan);

    assertThat(advice.overrun().orElseThrow().line()).isEqualTo(Line.BUDGET);
    assertThat(advice.overrun().orElseThrow().excess()).isEqualTo(5);
    assertThat(advice.remedies()).extracting(Remedy::to).containsExactly(28L, 106L);
  }

  @Test
  void theAppHoldingTheLargestShareIsBlamedWhereverItIsListed() {
    Plan plan = plan(100, 15, fixed("small", 1, 5), fixed("big", 4, 30));
    Overrun overrun = Advice.of(plan).overrun().orElseThrow();
    assertThat(overrun.app()).isEqualTo("big");
    assertThat(overrun.appConnections()).isEqualTo(120);
    assertThat(overrun.total()).isEqualTo(125);
    assertThat(overrun.excess()).isEqualTo(125 - 97);
  }

  @Test
  void equalSharesBlameTheFirstInFileOrder() {
    Plan plan = plan(100, 15, fixed("a", 1, 50), fixed("b", 1, 50), fixed("c", 1, 10));
    Overrun overrun = Advice.of(plan).overrun().orElseThrow();
    assertThat(overrun.app()).isEqualTo("a");
    assertThat(overrun.total()).isEqualTo(110);
    assertThat(overrun.excess()).isEqualTo(13);
  }

  @Test
  void tooManyInstancesForOneConnectionEachIsFixedByMoreConnections() {
    Plan plan = plan(100, 15, App.of("workers", Replicas.fixed(100), 1));
    assertThat(plan.status()).isEqualTo(Status.ERROR);

    Advice advice = Advice.of(plan);

    assertThat(advice.overrun()).isEmpty();
    assertThat(advice.remedies())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(Remedy.Kind.RAISE_MAX_CONNECTIONS);
              assertThat(r.to()).isEqualTo(118);
            });
  }

  @Test
  void budgetAboveTheSuperuserSlotsIsFixedByAReserve() {
    Database tiny = Database.of(10, Amount.count(0)).withHeadroom(BigDecimal.ONE);
    Plan plan = Sizing.plan(new Deployment(tiny, List.of(App.of("web", Replicas.fixed(2), 1))));
    assertThat(plan.status()).isEqualTo(Status.ERROR);

    assertThat(Advice.of(plan).remedies())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(Remedy.Kind.RAISE_RESERVE);
              assertThat(r.from()).isZero();
              assertThat(r.to()).isEqualTo(3);
            });
  }

  @Test
  void searchesFindTheEdgeOfAMonotonePredicate() {
    assertThat(Advice.largest(1, 20, x -> x <= 15)).hasValue(15);
    assertThat(Advice.largest(1, 20, x -> false)).isEmpty();
    assertThat(Advice.smallest(101, 262_143, x -> x >= 118)).hasValue(118);
    assertThat(Advice.smallest(101, 200, x -> false)).isEmpty();
  }

  /** Every remedy, applied to the file, makes the plan fit: the advice never lies. */
  @Property(tries = 200)
  void everyRemedyMakesThePlanFit(
      @ForAll @IntRange(min = 10, max = 300) int max,
      @ForAll @IntRange(min = 0, max = 40) int reservePercent,
      @ForAll @IntRange(min = 1, max = 8) int webReplicas,
      @ForAll @IntRange(min = 1, max = 60) int webLimit,
      @ForAll @IntRange(min = 1, max = 8) int botReplicas,
      @ForAll @IntRange(min = 1, max = 30) int workers) {
    Database db = Database.of(max, Amount.percentOf(BigDecimal.valueOf(reservePercent)));
    List<App> apps =
        List.of(
            fixed("web", webReplicas, webLimit),
            App.of("bot", Replicas.fixed(botReplicas), 1),
            App.of("worker", Replicas.fixed(1), workers));
    Deployment deployment = new Deployment(db, apps);
    Plan plan = Sizing.plan(deployment);

    for (Remedy r : Advice.of(plan).remedies()) {
      Deployment changed =
          switch (r.kind()) {
            case LOWER_CONNECTION_LIMIT -> {
              List<App> next = new ArrayList<>(apps);
              next.set(0, apps.get(0).withConnectionLimit(r.to()));
              yield new Deployment(db, next);
            }
            case RAISE_MAX_CONNECTIONS -> new Deployment(db.withMaxConnections(r.to()), apps);
            case RAISE_RESERVE -> new Deployment(db.withReserve(Amount.count(r.to())), apps);
            case RESIZE_INSTANCE,
                RAISE_MAX_CLIENT_CONN,
                RAISE_DEFAULT_POOL_SIZE,
                USE_TRANSACTION_MODE,
                LOWER_DEFAULT_POOL_SIZE,
                LOWER_POOL_SIZE,
                LOWER_MAX_CONNECTIONS_PERCENT ->
                throw new AssertionError("no provider or pooler, no such remedy: " + r);
          };
      Plan after = Sizing.plan(changed);
      assertThat(after.status()).isEqualTo(Status.OK);
      assertThat(after.totalConnections()).isEqualTo(r.totalAfter());
      Optional<String> app =
          r.kind() == Remedy.Kind.LOWER_CONNECTION_LIMIT ? Optional.of("web") : Optional.empty();
      assertThat(r.name()).isEqualTo(app);
    }
  }

  /**
   * Budget min(100 − 10, floor(100 × 0.85)) = 85. A session-mode PgBouncer with pool 10 takes 10
   * off it; web behind it opens 4 × 5 = 20 clients, more than the 10 server connections: error.
   * Worked by hand: transaction mode fits as it is (20 clients ≤ capacity 100); a pool of 20 holds
   * every session, the server side still 20 + admin's 85 − 20 = 65 = 85; web at 2 opens 8 ≤ 10.
   */
  @Test
  void sessionPoolerThatCannotHoldItsClientsIsAdvisedTransactionModeOrABiggerPool() {
    Pooler bouncer = Pooler.pgbouncer("bouncer").withPgbouncerPools(10, 0, 0);
    Deployment deployment =
        new Deployment(
            Database.of(100, Amount.count(10)),
            List.of(fixed("web", 4, 5).withVia("bouncer"), App.of("admin", Replicas.fixed(1), 1)),
            List.of(bouncer));
    Plan plan = Sizing.plan(deployment);
    assertThat(plan.serverStatus()).isEqualTo(Status.OK);
    assertThat(plan.status()).isEqualTo(Status.ERROR);

    assertThat(Advice.of(plan).remedies())
        .extracting(
            Remedy::kind, r -> r.name().orElse(""), Remedy::from, Remedy::to, Remedy::totalAfter)
        .containsExactly(
            tuple(Remedy.Kind.LOWER_CONNECTION_LIMIT, "web", 5L, 2L, 85L),
            tuple(Remedy.Kind.USE_TRANSACTION_MODE, "bouncer", 20L, 10L, 85L),
            tuple(Remedy.Kind.RAISE_DEFAULT_POOL_SIZE, "bouncer", 10L, 20L, 85L));
  }

  /**
   * Transaction mode, max_client_conn 30: client budget floor(30 × 0.85) = 25, and web's 4 × 7 = 28
   * clients pass it (a warning). By hand: floor(32 × 0.85) = 27 < 28 ≤ floor(33 × 0.85) = 28, so
   * max_client_conn 33; or web at floor(25 / 4) = 6.
   */
  @Test
  void poolerPastItsClientBudgetIsAdvisedTheSmallestMaxClientConnThatFits() {
    Pooler bouncer =
        Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION).withMaxClientConn(30);
    Deployment deployment =
        new Deployment(
            Database.of(100, Amount.count(10)),
            List.of(fixed("web", 4, 7).withVia("bouncer")),
            List.of(bouncer));
    Plan plan = Sizing.plan(deployment);
    assertThat(plan.status()).isEqualTo(Status.WARNING);

    assertThat(Advice.of(plan).remedies())
        .extracting(Remedy::kind, r -> r.name().orElse(""), Remedy::from, Remedy::to)
        .containsExactly(
            tuple(Remedy.Kind.LOWER_CONNECTION_LIMIT, "web", 7L, 6L),
            tuple(Remedy.Kind.RAISE_MAX_CLIENT_CONN, "bouncer", 30L, 33L));
  }

  /**
   * Budget 85 of 100 (usable 97); a PgBouncer with pool 80 and admin's fixed 2 × 10 = 20 make 100:
   * past usable, an error, and the pooler holds the most (1 × 80). By hand: admin at floor((85 −
   * 80) / 2) = 2 (total 84); the pool at 85 − 20 = 65 (total 85); max_connections 118, the first
   * with floor(0.85 × M) ≥ 100.
   */
  @Test
  void poolerWhosePoolsPushTheServerOverIsBlamedAndAdvisedASmallerPool() {
    Pooler bouncer =
        Pooler.pgbouncer("bouncer").withPoolMode(PoolMode.TRANSACTION).withPgbouncerPools(80, 0, 0);
    Deployment deployment =
        new Deployment(
            Database.of(100, Amount.count(10)),
            List.of(App.of("web", Replicas.fixed(2), 1).withVia("bouncer"), fixed("admin", 2, 10)),
            List.of(bouncer));
    Advice advice = Advice.of(Sizing.plan(deployment));

    Overrun overrun = advice.overrun().orElseThrow();
    assertThat(overrun.app()).isEqualTo("bouncer");
    assertThat(overrun.pooler()).isTrue();
    assertThat(overrun.appConnections()).isEqualTo(80);
    assertThat(overrun.excess()).isEqualTo(3);
    assertThat(advice.remedies())
        .extracting(
            Remedy::kind, r -> r.name().orElse(""), Remedy::from, Remedy::to, Remedy::totalAfter)
        .containsExactly(
            tuple(Remedy.Kind.LOWER_CONNECTION_LIMIT, "admin", 10L, 2L, 84L),
            tuple(Remedy.Kind.LOWER_DEFAULT_POOL_SIZE, "bouncer", 80L, 65L, 85L),
            tuple(Remedy.Kind.RAISE_MAX_CONNECTIONS, "", 100L, 118L, 100L));
  }
}
