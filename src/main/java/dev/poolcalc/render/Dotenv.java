package dev.poolcalc.render;

import dev.poolcalc.clients.EnvVar;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.PoolerPlan;
import dev.poolcalc.engine.Split;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * .env text: each app's variables headed by comments with the app's arithmetic. Values are quoted
 * so that dotenv (Node), python-dotenv, Docker Compose and a POSIX shell's {@code .} all read back
 * exactly the same string.
 */
public final class Dotenv {

  private Dotenv() {}

  /** One app's lines: comments (without the leading '#') and its variables. */
  public record Block(List<String> comments, List<EnvVar> variables) {
    public Block {
      comments = List.copyOf(comments);
      variables = List.copyOf(variables);
    }
  }

  /** Blocks separated by a blank line. */
  public static String render(List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(render(blocks.get(i)));
    }
    return out.toString();
  }

  public static String render(Block block) {
    StringBuilder out = new StringBuilder();
    for (String comment : block.comments()) {
      out.append("# ").append(comment.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    for (EnvVar v : block.variables()) {
      try {
        out.append(v.name()).append('=').append(quote(v.value())).append('\n');
      } catch (IllegalArgumentException e) {
        // Never the value: it may be a password.
        throw new UnquotableValueException(
            v.name() + ": " + e.getMessage() + "; use --format shell or json for it");
      }
    }
    return out.toString();
  }

  /**
   * Single quotes, which every dotenv reader and shell takes literally: no escapes, no {@code ${}}
   * expansion, '#' kept. A value holding a single quote gets double quotes instead, and only when
   * it has nothing those readers treat differently ('\', '"', '$', '`').
   *
   * @throws IllegalArgumentException for a value no quoting carries across all of them
   */
  static String quote(String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a value with a line break cannot go in a .env line");
    }
    if (value.indexOf('\'') < 0) {
      return "'" + value + "'";
    }
    for (char c : new char[] {'\\', '"', '$', '`'}) {
      if (value.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "a value holding both ' and "
                + c
                + " cannot be quoted the same way for every .env reader");
      }
    }
    return "\"" + value + "\"";
  }

  /**
   * The comment lines over one app's variables: what it runs and how its limit came about, so a
   * reviewer of the .env file sees the arithmetic without running poolcalc.
   */
  public static List<String> header(Plan plan, AppPlan app) {
    List<String> lines = new ArrayList<>();
    long processes = app.app().processes();
    lines.add(
        String.format(
            "%s: %s × %d %s = %d %s × connection_limit %d = %d connections",
            app.name(),
            replicas(app),
            processes,
            processes == 1 ? "process" : "processes",
            app.instances(),
            app.instances() == 1 ? "instance" : "instances",
            app.connectionLimit(),
            app.totalConnections()));
    lines.add(limit(plan, app));
    lines.add(
        String.format(
            "all apps: %d of max_connections %d (budget %d), status %s",
            plan.totalConnections(),
            plan.budget().maxConnections(),
            plan.budget().budget(),
            plan.status().label()));
    return lines;
  }

  /** "3 replicas", "max 4 replicas", or with a rollout "3 replicas (4 at rollout peak)". */
  private static String replicas(AppPlan app) {
    var r = app.app().replicas();
    String count = r.range() ? "max " + r.max() : Long.toString(r.max());
    String text = count + (r.max() == 1 ? " replica" : " replicas");
    return app.peakReplicas() == app.steadyReplicas()
        ? text
        : text + " (" + app.peakReplicas() + " at rollout peak)";
  }

  private static String limit(Plan plan, AppPlan app) {
    // An app behind a pooler divides that pooler's client budget, not the server's.
    Optional<PoolerPlan> pooler = app.app().via().flatMap(plan::pooler);
    Split split = pooler.map(PoolerPlan::split).orElse(plan.split());
    String of = pooler.map(p -> " client").orElse("");
    String behind = pooler.map(p -> " behind " + p.name()).orElse("");
    return switch (app.source()) {
      case FIXED -> "connection_limit " + app.connectionLimit() + " is fixed in the file";
      case CAPPED ->
          "connection_limit "
              + app.connectionLimit()
              + " is its max_connection_limit: its share would be more";
      case EQUAL ->
          split.freeSurge() == 0
              ? String.format(
                  "connection_limit %d = floor(%d / %d): %d%s connections shared equally by %d"
                      + " instances%s",
                  app.connectionLimit(),
                  split.remaining(),
                  split.freeInstances(),
                  split.remaining(),
                  of,
                  split.freeInstances(),
                  behind)
              : String.format(
                  "connection_limit %d = floor(%d / (%d + %d)): %d connections shared equally by"
                      + " %d steady instances and the largest rollout's %d",
                  app.connectionLimit(),
                  split.remaining(),
                  split.freeInstances(),
                  split.freeSurge(),
                  split.remaining(),
                  split.freeInstances(),
                  split.freeSurge());
      case WEIGHTED ->
          String.format(
              "connection_limit %d = floor(%d × %s / %s)%s: a weighted share of %d%s"
                  + " connections%s",
              app.connectionLimit(),
              split.remaining(),
              Numbers.plain(app.app().weight().orElse(BigDecimal.ONE)),
              Numbers.plain(split.totalWeight()),
              app.leftoverBonus() > 0 ? " + 1 leftover" : "",
              split.remaining(),
              of,
              behind);
    };
  }
}
