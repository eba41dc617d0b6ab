package dev.poolcalc.config.manifest;

import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.config.ValueSource;
import dev.poolcalc.config.YamlNode;
import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Scalar;
import dev.poolcalc.config.YamlNode.ScalarKind;
import dev.poolcalc.config.YamlNode.Sequence;
import dev.poolcalc.config.manifest.ManifestCounts.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A PM2 ecosystem file (JSON or YAML): how many processes, each with its own pool, one host runs
 * for an app.
 *
 * <p>PM2 reads {@code instances} so (pm2 6.0.14, lib/Common.js and God.prepare in lib/God.js;
 * https://pm2.keymetrics.io/docs/usage/cluster-mode/): absent is one process; "max" and 0 are one
 * per CPU; a negative n is CPUs + n, at least 1; a numeric string is its number. The CPU count is
 * the host's, which the file cannot tell, so those forms need {@code cpus:} on the app. An app
 * without {@code name} is named after its script, without the extension
 * (https://pm2.keymetrics.io/docs/usage/application-declaration/).
 */
final class Pm2Ecosystem {

  static final long MAX_PROCESSES = 10_000;

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  private record Pm2App(String name, Mapping node, String path, SourceLocation nameAt) {}

  private Pm2Ecosystem() {}

  /** An app of the file by its name, and whether PM2 counts the host's CPUs for it. */
  record Named(String name, boolean countsCpus) {}

  /** The file's apps in order, or empty after reporting that it holds no list of apps. */
  static Optional<List<Named>> names(YamlNode root, Consumer<Problem> report) {
    return apps(root, report)
        .map(all -> all.stream().map(a -> new Named(a.name(), countsCpus(a.node()))).toList());
  }

  /** instances max, 0 or a negative number: one process per CPU of the host (less n). */
  private static boolean countsCpus(Mapping app) {
    Optional<String> text = Tree.text(app, "instances").map(String::trim);
    return text.isPresent()
        && (text.get().equals("max")
            || (INTEGER.matcher(text.get()).matches() && parse(text.get()) <= 0));
  }

  private static Optional<List<Pm2App>> apps(YamlNode root, Consumer<Problem> report) {
    YamlNode list = root instanceof Sequence ? root : Tree.get(root, "apps").orElse(root);
    if (!(list instanceof Sequence apps)) {
      report.accept(Problem.at(list.location(), "apps must be a list of PM2 apps"));
      return Optional.empty();
    }
    List<Pm2App> all = new ArrayList<>();
    for (int i = 0; i < apps.items().size(); i++) {
      YamlNode item = apps.items().get(i);
      String path = "apps[" + i + "]";
      if (!(item instanceof Mapping m)) {
        continue;
      }
      Optional<String> name =
          Tree.text(m, "name").or(() -> Tree.text(m, "script").map(Pm2Ecosystem::scriptName));
      if (name.isPresent()) {
        SourceLocation at = Tree.get(m, "name").or(() -> Tree.get(m, "script")).get().location();
        all.add(new Pm2App(name.get(), m, path, at));
      }
    }
    return Optional.of(all);
  }

  static Optional<ManifestCounts> read(
      YamlNode root, ManifestRequest request, Consumer<Problem> report) {
    Optional<List<Pm2App>> found = apps(root, report);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<Pm2App> all = found.get();
    String wanted = request.workload().map(ManifestRequest.Named::value).orElse(request.app());
    List<Pm2App> matches = all.stream().filter(a -> a.name().equals(wanted)).toList();
    if (matches.isEmpty()) {
      List<String> names = all.stream().map(Pm2App::name).toList();
      SourceLocation at =
          request.workload().map(ManifestRequest.Named::at).orElse(request.fromAt());
      String key = request.workload().isPresent() ? "workload" : "from";
      report.accept(
          Problem.at(
              at,
              String.format(
                  "%s: %s has no app named \"%s\"%s",
                  request.pathOf(key),
                  request.shownAs(),
                  wanted,
                  Tree.closest(wanted, names)
                      .map(
                          n ->
                              "; did you mean '"
                                  + n
                                  + "'?"
                                  + (request.workload().isPresent()
                                      ? ""
                                      : " (add workload: " + n + ")"))
                      .orElse(
                          names.isEmpty()
                              ? " (it has none)"
                              : "; it has " + String.join(", ", names)))));
      return Optional.empty();
    }
    if (matches.size() > 1) {
      Pm2App second = matches.get(1);
      report.accept(
          Problem.at(
              second.nameAt(),
              String.format(
                  "%s is a second app named \"%s\" (the first is at line %d); PM2 names must be"
                      + " unique",
                  second.path(), wanted, matches.get(0).nameAt().line())));
      return Optional.empty();
    }
    return processes(matches.get(0), request, report);
  }

  private static Optional<ManifestCounts> processes(
      Pm2App app, ManifestRequest request, Consumer<Problem> report) {
    Optional<YamlNode> instances = Tree.get(app.node(), "instances");
    String field = app.path() + ".instances";
    Map<String, ValueSource> sources = new LinkedHashMap<>();
    if (instances.isEmpty()) {
      return unusedCpus(request, field + " is absent (one process)", report)
          ? done(1, new ValueSource(app.nameAt(), field + " absent: default 1"), sources)
          : Optional.empty();
    }
    YamlNode value = instances.get();
    String text = value instanceof Scalar s ? s.text().trim() : "";
    boolean max = text.equals("max");
    boolean whole =
        value instanceof Scalar s
            && ((s.kind() == ScalarKind.INTEGER)
                || (s.kind() == ScalarKind.STRING && INTEGER.matcher(text).matches()));
    if (!max && !whole) {
      report.accept(
          Problem.at(
              value.location(),
              field
                  + " must be a whole number or \"max\" (got "
                  + value.describe()
                  + "); PM2 would start one process per CPU"));
      return Optional.empty();
    }
    long n = max ? 0 : parse(text);
    ValueSource source = new ValueSource(value.location(), field);
    if (n > 0) {
      if (n > MAX_PROCESSES) {
        report.accept(
            Problem.at(
                value.location(),
                field + " must be at most " + MAX_PROCESSES + " (got " + n + ")"));
        return Optional.empty();
      }
      return unusedCpus(request, field + " is " + n, report)
          ? done(n, source, sources)
          : Optional.empty();
    }
    if (request.cpus().isEmpty()) {
      report.accept(
          Problem.at(
              value.location(),
              String.format(
                  "%s %s starts %s; set cpus: on %s in the deployment file (how many CPUs each"
                      + " host running it has)",
                  field,
                  max ? "max" : String.valueOf(n),
                  n == 0 ? "one process per CPU" : "one process per CPU, less " + -n,
                  request.keyPath())));
      return Optional.empty();
    }
    long cpus = request.cpus().getAsLong();
    long processes = n == 0 ? cpus : Math.max(1, cpus + n);
    return done(processes, source, sources);
  }

  /** cpus: only matters when PM2 counts the CPUs; written otherwise it would mislead. */
  private static boolean unusedCpus(ManifestRequest request, String why, Consumer<Problem> report) {
    if (request.cpus().isPresent()) {
      report.accept(
          Problem.at(
              request.cpusAt(),
              request.pathOf("cpus")
                  + " is not used: "
                  + request.shownAs()
                  + " "
                  + why
                  + ", not max, 0 or -1; remove cpus"));
      return false;
    }
    return true;
  }

  private static Optional<ManifestCounts> done(
      long processes, ValueSource source, Map<String, ValueSource> sources) {
    Map<String, ValueSource> all = new LinkedHashMap<>();
    all.put("processes", source);
    all.putAll(sources);
    return Optional.of(
        new ManifestCounts(
            Format.PM2, Optional.empty(), Optional.empty(), OptionalLong.of(processes), all));
  }

  private static long parse(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return text.startsWith("-") ? -MAX_PROCESSES - 1 : MAX_PROCESSES + 1;
    }
  }

  private static String scriptName(String script) {
    String base = script.substring(script.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
