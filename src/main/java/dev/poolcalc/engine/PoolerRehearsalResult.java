package dev.poolcalc.engine;

import dev.poolcalc.engine.RehearsalResult.Opened;
import dev.poolcalc.engine.RehearsalResult.Refusal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened when rehearse went through one PgBouncer: the apps' client connections opened
 * through it, the server connections PostgreSQL showed while every client ran a query at once, and
 * what PgBouncer answered one client past max_client_conn.
 *
 * @param endpoint the pooler's {@code host:port}, for the report
 * @param opened client connections opened per app behind it, in file order
 * @param refusal the first client connection the pooler turned away (ordinal over its clients); the
 *     rest of its clients are not tried
 * @param queries how many clients ran the query at once
 * @param completed how many of those queries finished before the window closed
 * @param queryError the first error a query got, in the server's or the pooler's words
 * @param serverPeak the most server connections running or having run the rehearsal's queries that
 *     pg_stat_activity showed at once
 * @param probe the max_client_conn + 1 probe
 */
public record PoolerRehearsalResult(
    PoolerPlan pooler,
    String endpoint,
    List<Opened> opened,
    Optional<Refusal> refusal,
    long queries,
    long completed,
    Optional<String> queryError,
    long serverPeak,
    ClientProbe probe) {

  /**
   * The max_client_conn + 1 probe.
   *
   * @param planned client connections it was to open beyond the plan's (the last one being
   *     max_client_conn + 1); empty when skipped
   * @param skipped why it was not tried
   * @param opened how many of them got in
   * @param refusal what the pooler answered the first one it turned away
   */
  public record ClientProbe(
      OptionalLong planned, Optional<String> skipped, long opened, Optional<Refusal> refusal) {

    public ClientProbe {
      Objects.requireNonNull(planned, "planned");
      Objects.requireNonNull(skipped, "skipped");
      Objects.requireNonNull(refusal, "refusal");
    }

    public static ClientProbe skipped(String why) {
      return new ClientProbe(OptionalLong.empty(), Optional.of(why), 0, Optional.empty());
    }

    /** PgBouncer let in exactly max_client_conn and refused the next with its own message. */
    public boolean asPredicted() {
      return planned.isPresent()
          && refusal.isPresent()
          && opened == planned.getAsLong() - 1
          && refusal.get().message().contains(PoolerRehearsal.MAX_CLIENT_CONN_MESSAGE);
    }
  }

  public PoolerRehearsalResult {
    Objects.requireNonNull(pooler, "pooler");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(queryError, "queryError");
    Objects.requireNonNull(probe, "probe");
    opened = List.copyOf(opened);
  }

  public String name() {
    return pooler.name();
  }

  public long totalOpened() {
    return opened.stream().mapToLong(Opened::opened).sum();
  }

  /** The verdict on the server side: the peak did not pass the planned server_connections. */
  public boolean withinServerConnections() {
    return serverPeak <= pooler.serverConnections();
  }

  /** Every planned client got in, every query ran, and the server never saw more than planned. */
  public boolean held() {
    return refusal.isEmpty() && completed == queries && withinServerConnections();
  }
}
