package dev.poolcalc.audit;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Observation;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.PoolerRehearsalResult;
import dev.poolcalc.engine.Rehearsal;
import dev.poolcalc.engine.RehearsalResult;
import dev.poolcalc.engine.RehearsalResult.Ended;
import dev.poolcalc.engine.RehearsalResult.Opened;
import dev.poolcalc.engine.RehearsalResult.Refusal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntConsumer;

/**
 * Opens, on a staging server, every connection the plan allows at once, each named after its app,
 * holds them while checking the server keeps them, checks that one more still gets in, and closes
 * them all. Each attempt is bounded by connect_timeout; a server that stops answering or goes away
 * is unreachable, not a refusal.
 *
 * <p>It never holds a connection of its own beside the plan's: the first connection, which reads
 * the server's settings and other clients, is opened under the first app's name and stays open as
 * that app's first connection. So at most the plan's total + 1 connections are ever open on the
 * server (+ 2 when every app goes through a pooler: the first connection is then its own).
 *
 * <p>Apps behind a PgBouncer are rehearsed through it after the direct apps' connections are open
 * and held ({@link PoolerRehearser}), and before the reserve check, so that the check finds the
 * server holding the direct apps' connections and the poolers' server connections together.
 */
public final class Rehearser {

  /** How long each client's query sleeps when rehearse goes through a pooler. */
  public static final Duration POOLED_QUERY = Duration.ofSeconds(1);

  private final DatabaseTarget target;
  private final IntConsumer interrupted;
  private final Duration query;

  /**
   * @param interrupted told how many connections were closed when the JVM was stopped (Ctrl-C) in
   *     the middle of a rehearsal
   */
  public Rehearser(DatabaseTarget target, IntConsumer interrupted) {
    this(target, interrupted, POOLED_QUERY);
  }

  /**
   * @param query how long each client's query sleeps when rehearse goes through a pooler
   */
  public Rehearser(DatabaseTarget target, IntConsumer interrupted, Duration query) {
    this.target = target;
    this.interrupted = interrupted;
    this.query = query;
  }

  /**
   * Runs the rehearsal.
   *
   * @param database whose name the file gives, for the probe's view of other clients
   * @throws ServerUnreachableException the first connection failed, or the server went away or
   *     stopped answering later: nothing was proven
   * @throws RehearsalRefusedException the rehearsal could prove nothing here, and did not start
   */
  public RehearsalResult run(Plan plan, Duration hold, Optional<String> database)
      throws ServerUnreachableException, RehearsalRefusedException, InterruptedException {
    List<AppPlan> apps = plan.directApps();
    // Without direct apps the first connection is the rehearsal's own, one beyond the plan.
    String firstName = apps.isEmpty() ? Rehearsal.RESERVE_APPLICATION_NAME : apps.get(0).name();
    try (OpenConnections open = new OpenConnections(interrupted)) {
      Connection probe;
      try {
        probe = connect(firstName);
      } catch (SQLException e) {
        throw ServerUnreachableException.of(target, e);
      }
      open.add(probe);
      Observation seen;
      try {
        seen = ActivityQueries.observe(probe, database);
      } catch (SQLException e) {
        throw ServerUnreachableException.lost(target, e);
      }
      Optional<String> refusal = Rehearsal.refusal(plan, seen);
      if (refusal.isPresent()) {
        throw new RehearsalRefusedException(refusal.get());
      }
      OptionalLong predicted = Rehearsal.predictedRefusal(plan, seen);
      long direct = Rehearsal.directConnections(plan);

      HeldPlan held = new HeldPlan(target);
      if (!apps.isEmpty()) {
        held.add(firstName, probe);
      }
      List<Opened> opened = new ArrayList<>();
      Optional<Refusal> refused = Optional.empty();
      long ordinal = apps.isEmpty() ? 0 : 1;
      for (int i = 0; i < apps.size(); i++) {
        AppPlan app = apps.get(i);
        long count = i == 0 ? 1 : 0;
        while (refused.isEmpty() && count < app.totalConnections()) {
          ordinal++;
          try {
            Connection connection = connect(app.name());
            open.add(connection);
            held.add(app.name(), connection);
            count++;
          } catch (SQLException e) {
            if (ServerUnreachableException.serverGone(e)) {
              throw ServerUnreachableException.lost(
                  target, "while opening connection " + ordinal + " of " + direct, e);
            }
            refused = Optional.of(refusal(ordinal, app.name(), count + 1, e));
          }
        }
        opened.add(new Opened(app.name(), app.totalConnections(), count));
      }
      List<Ended> ended = List.of();
      if (refused.isEmpty()) {
        ended = held.hold(hold);
      }
      List<PoolerRehearsalResult> poolers = new ArrayList<>();
      if (refused.isEmpty() && ended.isEmpty()) {
        PoolerRehearser through = new PoolerRehearser(open, probe, target, query);
        for (PoolerPlan pooler : plan.poolers()) {
          if (!pooler.apps().isEmpty()) {
            poolers.add(through.run(pooler, targets(plan, pooler, database)));
          }
        }
        ordinal++;
        try {
          open.add(connect(Rehearsal.RESERVE_APPLICATION_NAME));
        } catch (SQLException e) {
          if (ServerUnreachableException.serverGone(e)) {
            throw ServerUnreachableException.lost(target, "at the reserve check", e);
          }
          refused = Optional.of(refusal(ordinal, Rehearsal.RESERVE_APPLICATION_NAME, 1, e));
        }
      }
      return new RehearsalResult(plan, seen, opened, ended, refused, predicted, poolers);
    }
  }

  /**
   * Where each app behind {@code pooler} connects: its own url, else the pooler's (as env renders
   * them), with the server's role and password when that URL names no role.
   */
  private Map<String, DatabaseTarget> targets(
      Plan plan, PoolerPlan pooler, Optional<String> database) {
    Map<String, DatabaseTarget> targets = new LinkedHashMap<>();
    for (AppPlan app : pooler.apps()) {
      String url = app.app().url().or(() -> pooler.pooler().url()).orElseThrow();
      targets.put(app.name(), DatabaseTarget.of(url, database).withCredentialsOf(target));
    }
    return targets;
  }

  private Connection connect(String applicationName) throws SQLException {
    return Connector.open(target, target.rehearsalProperties(applicationName));
  }

  private Refusal refusal(long ordinal, String app, long appOrdinal, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return new Refusal(
        ordinal, app, appOrdinal, state, target.redact(ServerUnreachableException.postgresText(e)));
  }
}
