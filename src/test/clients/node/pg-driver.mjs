// node-postgres, configured as poolcalc renders for `client: node-postgres`: the Pool below is the
// snippet of `poolcalc plan` ("Client settings per app") verbatim, and NodePostgresConformanceTest
// checks that it still is.
import pg from "pg";
import { checkOutTooMany } from "./protocol.mjs";

const { Pool } = pg;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX), connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS) });

try {
  await checkOutTooMany((sql) => pool.query(sql));
} finally {
  await pool.end();
}
