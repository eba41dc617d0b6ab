package dev.poolcalc.render;

import dev.poolcalc.clients.ClientLibrary;
import dev.poolcalc.clients.ClientSettings;
import dev.poolcalc.clients.Setting;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.DemandNumbers;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.LimitSource;
import dev.poolcalc.engine.ManagedPooler;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolLoad;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.ProviderSizing;
import dev.poolcalc.engine.ProviderSizing.CatalogValue;
import dev.poolcalc.engine.Rollout;
import dev.poolcalc.engine.Split;
import dev.poolcalc.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plan's arithmetic worked step by step in plain words, for every app or for one: what counts
 * against max_connections, why idle connections count, why every process has a pool of its own, and
 * what to set in each app's client library.
 */
public final class Explanation {

  private static final Pattern SPACES = Pattern.compile(" +");

  private static final int WIDTH = 96;
  private static final String INDENT = "   ";
  private static final List<String> OPERATORS = List.of("−", "+", "×", "=", "/");

  private final Plan plan;
  private final Report report;
  private final List<AppPlan> apps;
  private final StringBuilder out = new StringBuilder();

  private Explanation(Report report, List<AppPlan> apps) {
    this.plan = report.plan();
    this.report = report;
    this.apps = apps;
  }

  /**
   * Explains the plan in plain words.
   *
   * @param only the app to explain; empty for all of them
   */
  public static String render(Report report, Optional<String> only) {
    Plan plan = report.plan();
    List<AppPlan> apps = only.map(n -> plan.app(n).stream().toList()).orElse(plan.apps());
    Explanation e = new Explanation(report, apps);
    String name = plan.deployment().database().name().orElse("the database");
    e.out.append("How poolcalc sizes the pools of ").append(name);
    only.ifPresent(n -> e.out.append(", for ").append(n));
    e.out.append('\n');
    e.whatCounts();
    e.budget();
    e.pools();
    if (!plan.poolers().isEmpty()) {
      e.poolers();
    }
    e.limit();
    e.total();
    e.whatToSet(report);
    e.demand();
    e.findings();
    return e.out.toString();
  }

  private void whatCounts() {
    section("1. What counts");
    paragraph(
        String.format(
            "PostgreSQL admits at most max_connections = %d connections at once, and it counts"
                + " every open connection, busy or idle. A pool opens connections as requests"
                + " need them and then keeps them open, idle, for the next request; an idle"
                + " connection holds its slot just the same. So the plan counts every pool as"
                + " full: the most connections it may ever hold.",
            plan.budget().maxConnections()));
    plan.deployment().database().provider().ifPresent(p -> paragraph(provenance(p)));
  }

  /** Where max_connections came from on a managed server: the catalog, or the file over it. */
  private static String provenance(ProviderSizing p) {
    CatalogValue catalog = p.maxConnections();
    String size = p.provider() + " " + p.instance();
    String bound = catalog.upperBound() ? " at most" : "";
    if (p.isWritten(ProviderSizing.Setting.MAX_CONNECTIONS)) {
      return String.format(
          "The catalog gives %s max_connections%s %d (%s, verified %s); the file writes its own"
              + " value, which wins over the catalog's (a custom parameter group).",
          size, bound, catalog.value(), catalog.source(), catalog.verified());
    }
    return String.format(
        "max_connections comes from the catalog for %s (%s, verified %s)%s.",
        size,
        catalog.source(),
        catalog.verified(),
        catalog.upperBound()
            ? ": an upper bound, the server's value may be lower; check SHOW max_connections"
            : "");
  }

  /** Where a provider's own pooler got each number: the catalog, or the file over it. */
  private static String provenance(String name, ManagedPooler m) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%s is %s's own pooler, so the catalog for %s %s (%s, verified %s) gives",
                name, m.provider(), m.provider(), m.instance(), m.source(), m.verified()));
    List<String> settings = new ArrayList<>();
    for (ManagedPooler.CatalogSetting s : m.settings()) {
      String value = s.key() + " " + s.derivation().map(d -> d + " = ").orElse("") + s.value();
      settings.add(
          s.written().isPresent()
              ? value + " (the file writes " + s.written().get() + ", which wins)"
              : value);
    }
    text.append(settings.isEmpty() ? " nothing it leaves out" : " " + String.join(", ", settings));
    return text.append('.').toString();
  }

  private void budget() {
    Budget b = plan.budget();
    section("2. What the pools may take");
    var reserve = plan.deployment().database().reserve();
    String kept =
        reserve.percent()
            ? String.format("ceil(%d × %s) = %d", b.maxConnections(), reserve, b.reserve())
            : Long.toString(b.reserve());
    paragraph(
        b.reserve() == 0
            ? String.format(
                "Nothing is kept back for admins, migrations and backups: %d − 0 = %d.",
                b.maxConnections(), b.afterReserve())
            : String.format(
                "Keep %s connections for admins, migrations and backups: %d − %d = %d.",
                kept, b.maxConnections(), b.reserve(), b.afterReserve()));
    paragraph(
        String.format(
            "The rule of thumb leaves the pools at most %s of the server: floor(%d × %s) = %d.",
            Numbers.plain(b.headroom().movePointRight(2)) + "%",
            b.maxConnections(),
            b.headroom().toPlainString(),
            b.headroomCap()));
    paragraph(
        String.format(
            "The pools may take the smaller of the two: a budget of %d connections.", b.budget()));
    paragraph(
        String.format(
            "PostgreSQL also keeps %d slots for superusers%s, so ordinary roles can never hold"
                + " more than %d − %d = %d.",
            b.superuserReserved(),
            b.reservedConnections() > 0
                ? " and " + b.reservedConnections() + " for pg_use_reserved_connections"
                : "",
            b.maxConnections(),
            b.maxConnections() - b.usable(),
            b.usable()));
  }

  private void pools() {
    section("3. How many pools");
    boolean prisma = apps.stream().anyMatch(a -> ClientLibrary.of(a.app().client()).isPrisma());
    paragraph(
        "Every process opens a pool of its own: each replica of an app, and each worker process"
            + " inside a replica (PM2 cluster, gunicorn workers). "
            + (prisma
                ? "A global PrismaClient singleton is per process too: it stops hot reload from"
                    + " creating extra clients inside one process; it does not share one pool"
                    + " across processes."
                : "A pool created once per process (a singleton) is still one pool per"
                    + " process; it is not shared across processes.")
            + " 25 processes with a limit of 5 each can hold up to 25 × 5 = 125 connections,"
            + " not 5.");
    for (AppPlan app : apps) {
      paragraph(replicas(app.app()) + rollout(app.app()) + processes(app));
      var sources = report.sources(app.name());
      if (!sources.isEmpty()) {
        paragraph(
            "Read from "
                + app.name()
                + "'s manifests: "
                + sources.entrySet().stream()
                    .map(s -> s.getKey() + " at " + s.getValue())
                    .collect(java.util.stream.Collectors.joining("; "))
                + ".");
      }
    }
    paragraph(
        String.format(
            "All apps together: %s = %d pools.",
            Arithmetic.sum(plan.apps(), a -> Long.toString(a.instances())), plan.totalInstances()));
  }

  private static String replicas(App app) {
    var r = app.replicas();
    if (r.range()) {
      return String.format(
          "%s autoscales between %d and %d replicas; the plan counts the maximum, %d, because"
              + " every replica opens its pool.",
          app.name(), r.min(), r.max(), r.max());
    }
    return String.format("%s runs %d %s.", app.name(), r.max(), plural(r.max(), "replica"));
  }

  private static String rollout(App app) {
    if (app.rollout().isEmpty()) {
      return "";
    }
    Rollout rollout = app.rollout().get();
    return switch (rollout.strategy()) {
      case ROLLING ->
          String.format(
              " During a rolling update (max_surge %s, max_unavailable %s) new pods start before the"
                  + " old ones are gone (max_surge, rounded up), and old pods that are shutting down"
                  + " still hold their pools while Kubernetes no longer counts them"
                  + " (max_unavailable, rounded down): %s replicas at the peak.",
              rollout.maxSurge(), rollout.maxUnavailable(), Arithmetic.peak(app));
      case RECREATE ->
          String.format(
              " Its rollout is recreate: every old pod stops before a new one starts, so deploys"
                  + " add no pools: %d replicas at the peak.",
              app.peakReplicas());
      case BLUE_GREEN ->
          String.format(
              " Its blue-green deploy runs a second full set beside the first until traffic"
                  + " switches: %s replicas at the peak.",
              Arithmetic.peak(app));
    };
  }

  private static String processes(AppPlan app) {
    long p = app.app().processes();
    return String.format(
        " Each replica runs %d %s with a pool each: %d × %d = %d %s.",
        p,
        plural(p, "process"),
        app.peakReplicas(),
        p,
        app.instances(),
        plural(app.instances(), "pool"));
  }

  private void limit() {
    section("4. The limit per pool");
    Split split = plan.split();
    Budget b = plan.budget();
    boolean fixed = plan.directApps().stream().anyMatch(a -> a.source() == LimitSource.FIXED);
    long poolers = plan.poolerServerConnections();
    if (!plan.poolers().isEmpty() && plan.directApps().isEmpty()) {
      paragraph("Every app goes through a pooler: the server sees only the poolers' pools.");
      return;
    }
    if (split.kind() == Split.Kind.NONE) {
      paragraph("Every app sets its own connection_limit, so nothing is divided.");
      return;
    }
    if (!plan.poolers().isEmpty()) {
      paragraph(
          String.format(
              "The poolers take their server connections first, then the direct apps with a"
                  + " fixed connection_limit: %d − %d − %d = %d connections remain for the other"
                  + " %d pools.",
              b.budget(), poolers, split.fixedTotal(), split.remaining(), split.freeInstances()));
    } else if (fixed) {
      paragraph(
          String.format(
              "Apps with a fixed connection_limit take theirs first: %d − %d = %d connections"
                  + " remain for the other %d pools.",
              b.budget(), split.fixedTotal(), split.remaining(), split.freeInstances()));
    }
    if (split.kind() == Split.Kind.EQUAL) {
      paragraph(
          String.format(
              "%s shared equally: floor(%d / %d) = %d connections per pool, rounded down so the"
                  + " sum never passes the budget.",
              fixed ? "They are" : "The budget is",
              split.remaining(),
              split.freeInstances(),
              split.equalLimit()));
      return;
    }
    paragraph(
        "They are shared by weight: W adds up weight × pools over the apps without a fixed"
            + " limit, each app gets floor(remaining × weight / W) per pool, and what rounding"
            + " leaves over goes, one connection per pool, to the apps that lost the most:");
    for (String line : Arithmetic.format(Arithmetic.limits(plan))) {
      if (!line.startsWith("remaining")) {
        out.append(INDENT).append("  ").append(line).append('\n');
      }
    }
  }

  private void total() {
    section("5. The total");
    Budget b = plan.budget();
    for (AppPlan app : apps) {
      if (!app.app().direct()) {
        continue;
      }
      String steady =
          app.steadyTotalConnections() != app.totalConnections()
              ? String.format(" (%d between deploys)", app.steadyTotalConnections())
              : "";
      paragraph(
          String.format(
              "%s: %d %s × %d = %d connections%s.",
              app.name(),
              app.instances(),
              plural(app.instances(), "pool"),
              app.connectionLimit(),
              app.totalConnections(),
              steady));
    }
    if (!plan.poolers().isEmpty()) {
      List<String> terms = new ArrayList<>();
      plan.directApps().forEach(a -> terms.add(Long.toString(a.totalConnections())));
      plan.poolers().forEach(p -> terms.add(p.serverConnections() + " (" + p.name() + ")"));
      paragraph(
          String.format(
              "The server sees the direct apps and the poolers: %s = %d of max_connections %d,"
                  + " budget %d.",
              String.join(" + ", terms), plan.totalConnections(), b.maxConnections(), b.budget()));
      paragraph(Verdict.of(plan));
      return;
    }
    paragraph(
        String.format(
            "In all: %s = %d of max_connections %d, budget %d.",
            Arithmetic.sum(plan.apps(), a -> Long.toString(a.totalConnections())),
            plan.totalConnections(),
            b.maxConnections(),
            b.budget()));
    paragraph(Verdict.of(plan));
  }

  /** Both tiers of each pooler: its pools on the server, and the apps behind it as clients. */
  private void poolers() {
    section("Poolers: two tiers");
    paragraph(
        "A pooler opens its own pools to the server and takes the apps' connections as clients."
            + " The server sees only its pools; those come off the budget like an app with a fixed"
            + " limit. The apps behind it divide its client budget, floor(max_client_conn ×"
            + " replicas × headroom), by the same rules. In session mode each client holds a"
            + " server connection for as long as it is connected; in transaction mode it holds"
            + " one only during a transaction, so many clients share one server connection.");
    Budget b = plan.budget();
    for (PoolerPlan p : plan.poolers()) {
      paragraph(
          String.format(
              "%s (%s) opens %s server connections.",
              p.name(),
              PoolerArithmetic.describe(p.pooler()),
              PoolerArithmetic.pools(p, b.maxConnections())));
      p.pooler().managed().ifPresent(m -> paragraph(provenance(p.name(), m)));
      paragraph(PoolerText.heading(p, b) + ".");
      for (AppPlan app : p.apps()) {
        paragraph(
            String.format(
                "%s: %d %s × %d = %d client connections to %s.",
                app.name(),
                app.instances(),
                plural(app.instances(), "pool"),
                app.connectionLimit(),
                app.totalConnections(),
                p.name()));
      }
      paragraph(PoolerText.verdict(p));
    }
  }

  private void whatToSet(Report report) {
    section("6. What to set");
    for (AppPlan app : apps) {
      paragraph(app.name() + " uses " + ClientLibrary.of(app.app().client()).description() + ":");
      ClientSettings s = report.settings(app.name());
      s.maskedUrl().ifPresent(url -> out.append(INDENT).append("  URL: ").append(url).append('\n'));
      for (Setting setting : s.settings()) {
        out.append(INDENT)
            .append("  ")
            .append(setting.name())
            .append(" = ")
            .append(setting.value())
            .append('\n');
      }
      s.snippet()
          .ifPresent(
              code ->
                  code.lines()
                      .forEach(l -> out.append(INDENT).append("    ").append(l).append('\n')));
    }
  }

  /** Is the pool big enough: the demand numbers of every app that has them, in plain words. */
  private void demand() {
    List<AppPlan> loaded = apps.stream().filter(a -> a.load().isPresent()).toList();
    if (loaded.isEmpty()) {
      return;
    }
    section("Is the pool big enough?");
    paragraph(
        "A pool is a queue: requests arrive, each holds one connection while it talks to the"
            + " database, and a request that finds every connection busy waits. By Little's law"
            + " the connections busy on average are A = λ × S: requests per second reaching one"
            + " pool times the seconds each holds a connection. If A reaches the pool's limit,"
            + " the pool is busy 100 % of the time, the queue only grows, and every wait ends in"
            + " a timeout. Below it, the Erlang C formula (random arrivals, M/M/c) gives the"
            + " share of requests that wait at all, and how many wait longer than a given time.");
    for (AppPlan app : loaded) {
      PoolLoad l = app.load().get();
      String rate = DemandNumbers.number(l.requestsPerPool());
      String a = DemandNumbers.number(l.offeredLoad());
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              "%s: %s requests/s over %d pools (steady replicas × processes) is λ = %s"
                  + " requests/s per pool; each holds a connection %s ms, so A = %s × %s / 1000"
                  + " = %s connections busy on average, against connection_limit %d. ",
              app.name(),
              l.demand().requestsPerSecond().toPlainString(),
              l.steadyPools(),
              rate,
              l.demand().dbTimeMs().toPlainString(),
              rate,
              l.demand().dbTimeMs().toPlainString(),
              a,
              l.limit()));
      if (l.saturated()) {
        text.append(
            String.format(
                "A ≥ %d: the pool is saturated, requests queue without end and time out after"
                    + " pool_timeout (%d s). ",
                l.limit(), l.poolTimeoutSeconds()));
      } else {
        text.append(
            String.format(
                "Utilisation A / c = %s. %s of requests find every connection busy; %s wait"
                    + " longer than %s ms; %s wait past pool_timeout (%d s) and time out. The mean"
                    + " wait over all requests is %s ms. ",
                DemandNumbers.percent(l.offeredLoad() / l.limit()),
                DemandNumbers.percent(l.waitProbability()),
                DemandNumbers.percent(l.longWaitProbability()),
                l.demand().waitMs().toPlainString(),
                DemandNumbers.percent(l.timeoutProbability()),
                l.poolTimeoutSeconds(),
                DemandNumbers.number(l.meanWaitMs())));
      }
      text.append(
          String.format(
              "The smallest limit that keeps waits over %s ms to at most 1 %% of requests is %d.",
              l.demand().waitMs().toPlainString(), l.neededLimit()));
      paragraph(text.toString());
    }
  }

  private void findings() {
    List<Finding> relevant = new ArrayList<>();
    for (Finding f : plan.findings()) {
      if (f.app().isEmpty() || apps.stream().anyMatch(a -> a.name().equals(f.app().get()))) {
        relevant.add(f);
      }
    }
    if (relevant.isEmpty()) {
      return;
    }
    section("7. Findings");
    for (Finding f : relevant) {
      paragraph(f.severity().label() + ": " + f.message() + " [" + f.code() + "]");
    }
  }

  private void section(String title) {
    out.append('\n').append(title).append('\n');
  }

  /**
   * Wraps text at {@link #WIDTH} columns under the section's indent, keeping each formula such as
   * {@code 100 − 3 = 97} on one line.
   */
  private void paragraph(String text) {
    List<String> chunks = new ArrayList<>();
    String previous = "";
    for (String word : SPACES.split(text.trim())) {
      if (!chunks.isEmpty() && (OPERATORS.contains(word) || OPERATORS.contains(previous))) {
        chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + " " + word);
      } else {
        chunks.add(word);
      }
      previous = word;
    }
    StringBuilder line = new StringBuilder(INDENT);
    for (String chunk : chunks) {
      if (line.length() > INDENT.length() && line.length() + 1 + chunk.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(INDENT);
      }
      if (line.length() > INDENT.length()) {
        line.append(' ');
      }
      line.append(chunk);
    }
    out.append(line).append('\n');
  }

  private static String plural(long n, String word) {
    if (n == 1) {
      return word;
    }
    return word.endsWith("s") ? word + "es" : word + "s";
  }
}
