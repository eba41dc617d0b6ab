package dev.poolcalc.render;

import dev.poolcalc.clients.ClientSettings;
import dev.poolcalc.clients.Setting;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Client;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan for a person at a terminal: one row per app with a bar of its share of max_connections,
 * the free row, the verdict, the findings and the arithmetic.
 */
public final class TableRenderer {

  /** The bar of a row at 100% of max_connections, at most; narrower where 80 columns need it. */
  private static final int BAR_WIDTH = 30;

  private static final int MIN_BAR_WIDTH = 8;

  /** The width the table aims to fit; a long app name may still push it wider. */
  static final int COLUMNS = 80;

  private static final String[] HEADER = {
    "APP", "REPLICAS", "PEAK", "PROCESSES", "INSTANCES", "LIMIT", "TOTAL", "SHARE"
  };

  /** Where the PEAK column sits; it shows only when some app has a rollout. */
  private static final int PEAK = 2;

  /** Where the PROCESSES column sits; it shows only when some app runs more than one. */
  private static final int PROCESSES = 3;

  private TableRenderer() {}

  /** The table, with a block of each app's client settings when some app is not plain Prisma. */
  public static String render(Report report, Style style) {
    return render(report, style, Wrap.NONE);
  }

  /** The same, with findings wrapped to a terminal's width. */
  public static String render(Report report, Style style, Wrap wrap) {
    Plan plan = report.plan();
    Budget b = plan.budget();
    List<String[]> rows = new ArrayList<>();
    List<Bar> bars = new ArrayList<>();
    boolean pooled = !plan.poolers().isEmpty();
    List<AppPlan> serverApps = pooled ? plan.directApps() : plan.apps();
    for (AppPlan app : serverApps) {
      rows.add(
          new String[] {
            app.name(),
            replicas(app),
            Long.toString(app.peakReplicas()),
            Long.toString(app.app().processes()),
            Long.toString(app.instances()),
            Long.toString(app.connectionLimit()),
            Long.toString(app.totalConnections()),
            Numbers.percent(app.totalConnections(), b.maxConnections())
          });
      bars.add(new Bar(app.totalConnections(), '█', ""));
    }
    for (PoolerPlan p : plan.poolers()) {
      rows.add(
          new String[] {
            p.name() + " (" + p.pooler().kind().key() + ")",
            Long.toString(p.pooler().replicas()),
            "",
            "",
            "",
            "",
            Long.toString(p.serverConnections()),
            Numbers.percent(p.serverConnections(), b.maxConnections())
          });
      // Its pools are spelled out under the table (and under Arithmetic, as server(NAME)).
      bars.add(new Bar(p.serverConnections(), '▓', ""));
    }
    int serverRows = rows.size();
    // One meaning of free everywhere: max_connections − total. The reserve is part of it.
    long free = plan.freeConnections();
    rows.add(
        new String[] {
          "free", "", "", "", "", "", Long.toString(free), Numbers.percent(free, b.maxConnections())
        });
    bars.add(new Bar(free, '░', reserveNote(b, free)));
    rows.add(
        new String[] {
          "total",
          "",
          "",
          "",
          Long.toString(
              pooled
                  ? serverApps.stream().mapToLong(AppPlan::instances).sum()
                  : plan.totalInstances()),
          "",
          Long.toString(plan.totalConnections()),
          Numbers.percent(plan.totalConnections(), b.maxConnections())
        });
    // The heading names max_connections; the total's share is of it.
    bars.add(new Bar(0, ' ', "of " + b.maxConnections()));
    String[] header = HEADER;
    // Drop the later column first, so that PEAK's index still holds.
    if (serverApps.stream().allMatch(a -> a.app().processes() == 1)) {
      header = withoutColumn(header, PROCESSES);
      rows.replaceAll(row -> withoutColumn(row, PROCESSES));
    }
    if (plan.apps().stream().noneMatch(a -> a.app().rollout().isPresent())) {
      header = withoutColumn(header, PEAK);
      rows.replaceAll(row -> withoutColumn(row, PEAK));
    }

    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    int barWidth = barWidth(widths, bars, b.maxConnections());
    StringBuilder out = new StringBuilder();
    out.append(style.bold(heading(plan))).append('\n').append('\n');
    out.append(style.bold(line(header, widths, ""))).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      if (r == serverRows + 1) {
        out.append(rule(widths)).append('\n');
      }
      String tail = bars.get(r).text(b.maxConnections(), barWidth);
      if (line(rows.get(r), widths, tail).length() > COLUMNS) {
        tail = ""; // The total's "of N" where the columns leave no room: the heading has it.
      }
      out.append(line(rows.get(r), widths, r == rows.size() - 1 ? style.dim(tail) : tail))
          .append('\n');
    }
    // Each pooler's row spelled out, under the table where 80 columns have room for it.
    for (PoolerPlan p : plan.poolers()) {
      out.append("▓ ")
          .append(p.name())
          .append("'s pools: ")
          .append(PoolerArithmetic.pools(p, b.maxConnections()))
          .append('\n');
    }
    for (PoolerPlan p : plan.poolers()) {
      appendClients(out, p, plan.budget(), style);
    }
    out.append('\n').append(style.status(plan.status(), Verdict.of(plan))).append('\n');
    for (Finding f : plan.findings()) {
      String label = f.severity().label();
      out.append(style.status(statusOf(f), label))
          .append(": ")
          .append(wrap.text(label.length() + 2, f.message() + " [" + f.code() + "]", 2))
          .append('\n');
    }
    out.append('\n').append(style.bold("Arithmetic")).append('\n');
    for (String line : Arithmetic.lines(plan)) {
      out.append("  ").append(line).append('\n');
    }
    if (plan.apps().stream().anyMatch(a -> report.maskedUrl(a.name()).isPresent())) {
      out.append('\n').append(style.bold("DATABASE_URL per app")).append('\n');
      for (AppPlan app : plan.apps()) {
        report
            .maskedUrl(app.name())
            .ifPresent(
                url -> out.append("  ").append(app.name()).append(": ").append(url).append('\n'));
      }
    }
    if (plan.apps().stream().anyMatch(a -> a.app().client() != Client.DEFAULT)) {
      appendSettings(out, report, style);
    }
    return out.toString();
  }

  /** Under a pooler: the apps behind it against its client capacity, and the multiplexing. */
  private static void appendClients(StringBuilder out, PoolerPlan p, Budget b, Style style) {
    out.append('\n').append(style.bold(PoolerText.heading(p, b))).append('\n').append('\n');
    String[] header = {"APP", "REPLICAS", "PROCESSES", "INSTANCES", "LIMIT", "CLIENTS", "SHARE"};
    long whole = p.clientCapacity().orElse(p.clientConnections());
    List<String[]> rows = new ArrayList<>();
    for (AppPlan app : p.apps()) {
      rows.add(
          new String[] {
            app.name(),
            Long.toString(app.peakReplicas()),
            Long.toString(app.app().processes()),
            Long.toString(app.instances()),
            Long.toString(app.connectionLimit()),
            Long.toString(app.totalConnections()),
            Numbers.percent(app.totalConnections(), whole)
          });
    }
    rows.add(
        new String[] {
          "total",
          "",
          "",
          Long.toString(p.apps().stream().mapToLong(AppPlan::instances).sum()),
          "",
          Long.toString(p.clientConnections()),
          Numbers.percent(p.clientConnections(), whole)
        });
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.append(style.bold(line(header, widths, ""))).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      if (r == rows.size() - 1) {
        out.append(rule(widths)).append('\n');
      }
      String tail =
          r == rows.size() - 1 && p.clientCapacity().isPresent()
              ? style.dim("of " + p.clientCapacity().getAsLong())
              : "";
      out.append(line(rows.get(r), widths, tail)).append('\n');
    }
    out.append(style.status(p.status(), PoolerText.verdict(p))).append('\n');
  }

  private static void appendSettings(StringBuilder out, Report report, Style style) {
    out.append('\n').append(style.bold("Client settings per app")).append('\n');
    for (AppPlan app : report.plan().apps()) {
      ClientSettings s = report.settings(app.name());
      out.append("  ")
          .append(app.name())
          .append(" (")
          .append(app.app().client().key())
          .append("): ")
          .append(inline(s.settings()))
          .append('\n');
      s.snippet()
          .ifPresent(code -> code.lines().forEach(l -> out.append("    ").append(l).append('\n')));
    }
  }

  /** {@code name=value, name=value}: one line for a terminal. */
  private static String inline(List<Setting> settings) {
    StringBuilder out = new StringBuilder();
    for (Setting setting : settings) {
      out.append(out.length() == 0 ? "" : ", ").append(setting.name()).append('=');
      out.append(setting.value());
    }
    return out.toString();
  }

  /** What the free row says of the reserve: kept, or how many short of it the plan leaves. */
  private static String reserveNote(Budget b, long free) {
    if (b.reserve() == 0) {
      return "";
    }
    // The heading gives the reserve's size; the note is there only when it is not kept.
    return free >= b.reserve() ? "" : "reserve " + (b.reserve() - Math.max(free, 0)) + " short";
  }

  /** A row's bar of its share of max_connections, and a note after it. */
  private record Bar(long part, char mark, String note) {
    String text(long whole, int width) {
      String bar = bar(part, whole, mark, width);
      return bar.isEmpty() || note.isEmpty() ? bar + note : bar + "  " + note;
    }
  }

  /**
   * The widest bar, up to {@link #BAR_WIDTH} cells for 100%, with which every row fits {@link
   * #COLUMNS}; none (0) when even {@link #MIN_BAR_WIDTH} would not fit, as with long app names.
   */
  private static int barWidth(int[] widths, List<Bar> bars, long whole) {
    int sum = 0;
    for (int w : widths) {
      sum += w + 2;
    }
    int table = sum;
    for (int width = BAR_WIDTH; width >= MIN_BAR_WIDTH; width--) {
      int w = width;
      if (bars.stream().allMatch(bar -> table + bar.text(whole, w).length() <= COLUMNS)) {
        return width;
      }
    }
    return 0;
  }

  private static String[] withoutColumn(String[] row, int column) {
    String[] shorter = new String[row.length - 1];
    System.arraycopy(row, 0, shorter, 0, column);
    System.arraycopy(row, column + 1, shorter, column, row.length - column - 1);
    return shorter;
  }

  private static String heading(Plan plan) {
    Budget b = plan.budget();
    String name = plan.deployment().database().name().orElse("database");
    return String.format(
        "%s: max_connections %d, reserve %d, headroom %s → budget %d for the pools",
        name, b.maxConnections(), b.reserve(), b.headroom().toPlainString(), b.budget());
  }

  static String replicas(AppPlan app) {
    var r = app.app().replicas();
    return r.range() ? r.min() + "–" + r.max() : Long.toString(r.max());
  }

  private static dev.poolcalc.engine.Status statusOf(Finding f) {
    return switch (f.severity()) {
      case ERROR -> dev.poolcalc.engine.Status.ERROR;
      case WARNING -> dev.poolcalc.engine.Status.WARNING;
      case INFO -> dev.poolcalc.engine.Status.OK;
    };
  }

  private static String bar(long part, long whole, char mark, int width) {
    if (part <= 0 || whole <= 0 || width == 0) {
      return "";
    }
    long cells = Math.max(1, (part * width + whole / 2) / whole);
    return String.valueOf(mark).repeat((int) Math.min(cells, width * 2L));
  }

  private static String line(String[] cells, int[] widths, String tail) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      // The app name reads left-aligned, numbers right-aligned. Padding by hand rather than
      // with String.format: a table of 10,000 apps formats 70,000 cells.
      String padding = " ".repeat(widths[i] - cells[i].length());
      if (i == 0) {
        out.append(cells[i]).append(padding);
      } else {
        out.append("  ").append(padding).append(cells[i]);
      }
    }
    if (!tail.isEmpty()) {
      out.append("  ").append(tail);
    }
    return out.toString().stripTrailing();
  }

  private static String rule(int[] widths) {
    int length = 0;
    for (int w : widths) {
      length += w + 2;
    }
    return "─".repeat(length - 2);
  }
}
