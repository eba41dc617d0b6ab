// Conformance driver for Go's pgx with pgxpool (v4, Debian's golang-github-jackc-pgx-v4-dev).
//
// Builds the pool exactly as a pgx user given poolcalc's DATABASE_URL does: pgxpool.Connect
// parses pool_max_conns (and application_name) out of the URL. Then it runs CONFORMANCE_CHECKOUTS
// queries of SELECT pg_sleep(CONFORMANCE_HOLD_SECONDS) at once, one goroutine each, and prints one
// JSON line: {"acquired": n, "failed_after_ms": [...], "errors": [...]}. See the Java side in
// src/test/java/dev/poolcalc/conformance/Driver.java.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v4/pgxpool"
)

func main() {
	checkouts := intVar("CONFORMANCE_CHECKOUTS")
	hold := intVar("CONFORMANCE_HOLD_SECONDS")
	// pgxpool has no acquire timeout: Acquire waits until its context is done, which is why
	// poolcalc renders no timeout for pgx and its README's client table says so ("pgx waits until
	// the context's deadline"). So a pgx user must give each checkout a context with a deadline
	// of the deployment's pool_timeout themselves, as this driver does; the test passes
	// pool_timeout here in CONFORMANCE_ACQUIRE_TIMEOUT_SECONDS.
	acquireTimeout := time.Duration(intVar("CONFORMANCE_ACQUIRE_TIMEOUT_SECONDS")) * time.Second

	pool, err := pgxpool.Connect(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgxpool.Connect:", err)
		os.Exit(1)
	}

	var mu sync.Mutex
	acquired := 0
	failedAfterMs := []int64{}
	errs := []string{}
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < checkouts; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), acquireTimeout)
			defer cancel()
			conn, err := pool.Acquire(ctx)
			if err != nil { // the pool giving up at the deadline is what we want to see
				mu.Lock()
				failedAfterMs = append(failedAfterMs, time.Since(start).Milliseconds())
				errs = append(errs, fmt.Sprintf("%T: %v", err, err))
				mu.Unlock()
				return
			}
			defer conn.Release()
			mu.Lock()
			acquired++
			mu.Unlock()
			// The query outlasts the checkout deadline on purpose, so it gets its own context.
			if _, err := conn.Exec(context.Background(), fmt.Sprintf("SELECT pg_sleep(%d)", hold)); err != nil {
				mu.Lock()
				failedAfterMs = append(failedAfterMs, time.Since(start).Milliseconds())
				errs = append(errs, fmt.Sprintf("%T: %v", err, err))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	pool.Close()
	out, _ := json.Marshal(map[string]interface{}{
		"acquired": acquired, "failed_after_ms": failedAfterMs, "errors": errs,
	})
	fmt.Println(string(out))
}

func intVar(name string) int {
	n, err := strconv.Atoi(os.Getenv(name))
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s must be an integer: %v\n", name, err)
		os.Exit(1)
	}
	return n
}
