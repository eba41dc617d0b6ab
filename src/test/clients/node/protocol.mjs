// The conformance protocol both drivers share (see Driver.java): start CONFORMANCE_CHECKOUTS
// queries of SELECT pg_sleep(CONFORMANCE_HOLD_SECONDS) at once through the library's pool, and
// print one JSON line: how many ran, and for each that failed, after how many ms and why.

const checkouts = Number(process.env.CONFORMANCE_CHECKOUTS);
const hold = Number(process.env.CONFORMANCE_HOLD_SECONDS);

/**
 * Runs the protocol with `query(sql)`, the library's own way to run one statement on a pooled
 * connection, and prints the report. A success is counted when the query returns: pg_sleep only
 * returns on a connection the server gave, so every success held one for `hold` seconds.
 */
export async function checkOutTooMany(query) {
  if (!Number.isInteger(checkouts) || checkouts < 1 || !Number.isFinite(hold)) {
    throw new Error("set CONFORMANCE_CHECKOUTS and CONFORMANCE_HOLD_SECONDS");
  }
  const sql = `SELECT pg_sleep(${hold})`;
  const report = { acquired: 0, failed_after_ms: [], errors: [] };
  const start = performance.now();
  const runs = Array.from({ length: checkouts }, async () => {
    try {
      await query(sql);
      report.acquired += 1;
    } catch (error) {
      report.failed_after_ms.push(Math.round(performance.now() - start));
      report.errors.push(String(error?.message ?? error));
    }
  });
  await Promise.all(runs);
  console.log(JSON.stringify(report));
}
