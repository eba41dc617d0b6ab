package dev.poolcalc.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost of {@link Sizing#plan} grows with the number of apps, for the equal split (the
 * seed's formula) and the weighted split (which sorts apps for its leftover pass). Run with
 * {@code mvn -B -Pbench -DskipTests verify}; see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SizingBenchmark {

  @Param({"10", "1000", "100000"})
  int apps;

  @Param({"equal", "weighted"})
  String split;

  private Deployment deployment;

  @Setup
  public void setUp() {
    // PostgreSQL's largest max_connections, so 100,000 apps still get a connection each.
    Database database = Database.of(262_143, Amount.count(15));
    List<App> list = new ArrayList<>(apps);
    for (int i = 0; i < apps; i++) {
      App app = App.of("app-" + i, Replicas.fixed(1 + i % 2), 1);
      if (split.equals("weighted")) {
        // Weights 1.0 to 1.6 leave different fractions for the leftover pass to order, and
        // still give every instance a connection (no limit-below-one findings to format).
        app = app.withWeight(BigDecimal.valueOf(10 + i % 7, 1));
      }
      list.add(app);
    }
    deployment = new Deployment(database, list);
  }

  @Benchmark
  public Plan plan() {
    return Sizing.plan(deployment);
  }
}
