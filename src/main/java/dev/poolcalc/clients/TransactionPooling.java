package dev.poolcalc.clients;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.Severity;
import java.util.List;

/**
 * The one shape of a library's finding behind a pooler that lends a server connection per
 * transaction or statement ({@link Pooler#multiplexes}): consecutive transactions of one client
 * connection may run on different server connections, so whatever a library keeps on "its" server
 * connection (named prepared statements, session advisory locks) may be gone or belong to another
 * client. Session mode and RDS Proxy raise nothing.
 */
final class TransactionPooling {

  private TransactionPooling() {}

  /**
   * {@code "web uses pgjdbc through bouncer in transaction mode, where WHY: FIX"}, or nothing when
   * {@code pooler} pins each client to one server connection.
   */
  static List<Finding> finding(
      AppPlan app, Pooler pooler, String code, String library, String why, String fix) {
    if (!pooler.multiplexes()) {
      return List.of();
    }
    return List.of(
        Finding.forApp(
            Severity.WARNING,
            code,
            app.name(),
            String.format(
                "%s uses %s through %s in %s mode, where %s: %s",
                app.name(),
                library,
                pooler.name(),
                pooler.poolMode().orElseThrow().key(),
                why,
                fix)));
  }
}
