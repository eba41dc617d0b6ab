package dev.poolcalc.render;

import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Budget;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerPlan;

/** The plan as GitHub-flavoured Markdown, to paste into a pull request or a job summary. */
public final class MarkdownRenderer {

  private MarkdownRenderer() {}

  public static String render(Plan plan) {
    Budget b = plan.budget();
    StringBuilder out = new StringBuilder();
    String name = plan.deployment().database().name().orElse("database");
    out.append("### Connection pools for `")
        .append(escape(name))
        .append("`: ")
        .append(icon(plan))
        .append(' ')
        .append(plan.status().label())
        .append("\n\n");
    boolean peak = plan.apps().stream().anyMatch(a -> a.app().rollout().isPresent());
    out.append("| App | Replicas |")
        .append(peak ? " Peak |" : "")
        .append(" Processes | Instances | connection_limit | Total | Share |\n");
    out.append("|---|---:|").append(peak ? "---:|" : "").append("---:|---:|---:|---:|---:|\n");
    String gap = peak ? " |" : "";
    for (AppPlan app : plan.poolers().isEmpty() ? plan.apps() : plan.directApps()) {
      out.append("| `")
          .append(escape(app.name()))
          .append("` | ")
          .append(TableRenderer.replicas(app))
          .append(" | ")
          .append(peak ? app.peakReplicas() + " | " : "")
          .append(app.app().processes())
          .append(" | ")
          .append(app.instances())
          .append(" | ")
          .append(app.connectionLimit())
          .append(" | ")
          .append(app.totalConnections())
          .append(" | ")
          .append(Numbers.percent(app.totalConnections(), b.maxConnections()))
          .append(" |\n");
    }
    for (PoolerPlan p : plan.poolers()) {
      out.append("| `")
          .append(escape(p.name()))
          .append("` (")
          .append(p.pooler().kind().key())
          .append(") | ")
          .append(p.pooler().replicas())
          .append(" |")
          .append(gap)
          .append(" | | pools ")
          .append(PoolerArithmetic.pools(p, b.maxConnections()))
          .append(" | ")
          .append(p.serverConnections())
          .append(" | ")
          .append(Numbers.percent(p.serverConnections(), b.maxConnections()))
          .append(" |\n");
    }
    out.append("| reserve | | |")
        .append(gap)
        .append(" | | ")
        .append(b.reserve())
        .append(" | ")
        .append(Numbers.percent(b.reserve(), b.maxConnections()))
        .append(" |\n");
    out.append("| **total** | |")
        .append(gap)
        .append(" | **")
        .append(
            plan.poolers().isEmpty()
                ? plan.totalInstances()
                : plan.directApps().stream().mapToLong(AppPlan::instances).sum())
        .append("** | | **")
        .append(plan.totalConnections())
        .append("** | ")
        .append(Numbers.percent(plan.totalConnections(), b.maxConnections()))
        .append(" |\n\n");
    out.append(
        String.format(
            "max_connections %d · reserve %d · budget %d · usable by ordinary roles %d · free %d%n%n",
            b.maxConnections(), b.reserve(), b.budget(), b.usable(), plan.freeConnections()));
    for (PoolerPlan p : plan.poolers()) {
      out.append("**").append(escape(PoolerText.heading(p, b))).append("**\n\n");
      out.append("| App | Replicas | Processes | Instances | connection_limit | Clients |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      for (AppPlan app : p.apps()) {
        out.append("| `")
            .append(escape(app.name()))
            .append("` | ")
            .append(app.peakReplicas())
            .append(" | ")
            .append(app.app().processes())
            .append(" | ")
            .append(app.instances())
            .append(" | ")
            .append(app.connectionLimit())
            .append(" | ")
            .append(app.totalConnections())
            .append(" |\n");
      }
      out.append("| **total** | | | | | **")
          .append(p.clientConnections())
          .append("** |\n\n")
          .append(escape(PoolerText.verdict(p)))
          .append("\n\n");
    }
    out.append(Verdict.of(plan)).append("\n");
    if (!plan.findings().isEmpty()) {
      out.append('\n');
      for (Finding f : plan.findings()) {
        out.append("- **")
            .append(f.severity().label())
            .append("** `")
            .append(f.code())
            .append("`: ")
            .append(escape(f.message()))
            .append('\n');
      }
    }
    out.append("\n<details><summary>Arithmetic</summary>\n\n```\n");
    for (String line : Arithmetic.lines(plan)) {
      out.append(line).append('\n');
    }
    out.append("```\n\n</details>\n");
    return out.toString();
  }

  private static String icon(Plan plan) {
    return switch (plan.status()) {
      case OK -> "✅";
      case WARNING -> "⚠️";
      case ERROR -> "❌";
    };
  }

  /** Pipes would break the table; backticks and angle brackets the formatting. */
  static String escape(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
