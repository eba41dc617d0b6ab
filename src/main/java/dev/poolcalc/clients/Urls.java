package dev.poolcalc.clients;

import dev.poolcalc.url.PostgresUrl;
import java.util.List;

/** Small edits to a base URL that several clients share. */
final class Urls {

  /**
   * Prisma's own pool parameters. Other libraries do nothing with them, or (pgx) send them to the
   * server as settings it rejects, so their URLs leave them out.
   */
  static final List<String> PRISMA_POOL_PARAMS = List.of("connection_limit", "pool_timeout");

  /** The Prisma parameters that Prisma 7's driver adapters ignore (Prisma's v7 pool docs). */
  static final List<String> PRISMA_ADAPTER_IGNORED =
      List.of("connection_limit", "pool_timeout", "connect_timeout");

  private Urls() {}

  static PostgresUrl without(PostgresUrl url, List<String> keys) {
    PostgresUrl result = url;
    for (String key : keys) {
      result = result.without(key);
    }
    return result;
  }

  /** The base URL without Prisma's pool parameters, with the app's application_name. */
  static PostgresUrl named(PostgresUrl base, String app, List<String> drop) {
    return without(base, drop).with("application_name", app);
  }

  static long millis(long seconds) {
    return Math.multiplyExact(seconds, 1000);
  }
}
