"""Conformance driver for SQLAlchemy (QueuePool) with psycopg2.

Builds the engine exactly as poolcalc's rendered snippet does, from the variables
`poolcalc env` printed, then runs CONFORMANCE_CHECKOUTS queries of
SELECT pg_sleep(CONFORMANCE_HOLD_SECONDS) at once, one thread each, and prints one JSON line:
{"acquired": n, "failed_after_ms": [...], "errors": [...]}. See the Java side in
src/test/java/dev/poolcalc/conformance/Driver.java.
"""
import json
import os
import threading
import time

from sqlalchemy import create_engine, text

# The snippet poolcalc renders for client: sqlalchemy, verbatim.
engine = create_engine(os.environ["DATABASE_URL"], pool_size=int(os.environ["DB_POOL_SIZE"]), max_overflow=int(os.environ["DB_MAX_OVERFLOW"]), pool_timeout=int(os.environ["DB_POOL_TIMEOUT"]))

checkouts = int(os.environ["CONFORMANCE_CHECKOUTS"])
hold = int(os.environ["CONFORMANCE_HOLD_SECONDS"])
lock = threading.Lock()
acquired = 0
failed_after_ms = []
errors = []
start = time.monotonic()


def check_out():
    global acquired
    try:
        with engine.connect() as connection:
            with lock:
                acquired += 1
            connection.execute(text("SELECT pg_sleep(:hold)"), {"hold": hold})
    except Exception as e:  # the pool's own timeout error is what we want to see
        with lock:
            failed_after_ms.append(round((time.monotonic() - start) * 1000))
            errors.append(type(e).__name__ + ": " + str(e).splitlines()[0])


threads = [threading.Thread(target=check_out) for _ in range(checkouts)]
for t in threads:
    t.start()
for t in threads:
    t.join()
engine.dispose()
print(json.dumps({"acquired": acquired, "failed_after_ms": failed_after_ms, "errors": errors}))
