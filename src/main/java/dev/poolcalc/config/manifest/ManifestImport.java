package dev.poolcalc.config.manifest;

import dev.poolcalc.config.DeploymentReader;
import dev.poolcalc.config.InputText;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.config.YamlNode;
import dev.poolcalc.config.YamlTreeReader;
import dev.poolcalc.config.manifest.ManifestCounts.Format;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code poolcalc import}: a draft deployment file with one app for every workload the manifests
 * hold (Kubernetes Deployments and StatefulSets, Compose services, PM2 apps), each reading its
 * counts with {@code from:}, and a database section for the user to fill in. Before the draft is
 * handed out it is read the way {@code plan} reads it, so a manifest poolcalc cannot read is
 * reported at its line now rather than after the user has filled in the server.
 */
public final class ManifestImport {

  /** The line the user replaces with the server's max_connections. */
  public static final String MAX_CONNECTIONS_PLACEHOLDER = "  # max_connections: FILL_IN";

  /** The most max_connections PostgreSQL accepts: a stand-in that no draft's pools exceed. */
  private static final long STAND_IN_MAX_CONNECTIONS = 262_143;

  private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9._-]{1,63}");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_./][A-Za-z0-9._/-]*");
  private static final Set<String> KEYWORDS =
      Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", ".nan");
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

  /**
   * One workload found and the app the draft makes of it.
   *
   * @param pick what the app must write to pick the workload ({@code workload:} or {@code
   *     service:}), when its name alone does not
   */
  private record Found(
      String app,
      String from,
      String shownAs,
      String described,
      Optional<String> pickKey,
      Optional<String> pick,
      boolean countsCpus) {}

  private ManifestImport() {}

  /**
   * The draft for {@code manifests}, with from: paths relative to {@code folder}, where the
   * deployment file is to live; every problem of the manifests, located, otherwise.
   */
  public static String draft(List<String> manifests, Path folder) throws InvalidInputException {
    List<Problem> problems = new ArrayList<>();
    List<Found> found = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String manifest : manifests) {
      read(manifest, folder, names, found, problems::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    validate(found, folder);
    return render(found, manifests, false);
  }

  private static void read(
      String manifest, Path folder, Set<String> names, List<Found> into, Consumer<Problem> report) {
    Path file = Path.of(manifest);
    Optional<List<YamlNode>> documents = documents(manifest, file, report);
    if (documents.isEmpty()) {
      return;
    }
    if (documents.get().isEmpty()) {
      report.accept(Problem.inFile(manifest, "is empty: it holds no workloads"));
      return;
    }
    Optional<Format> format = Manifests.formatOf(documents.get());
    if (format.isEmpty()) {
      report.accept(
          Problem.at(documents.get().get(0).location(), Manifests.unknownFormat(manifest)));
      return;
    }
    String from = relative(folder, file);
    int before = into.size();
    YamlNode root = documents.get().get(0);
    switch (format.get()) {
      case KUBERNETES -> {
        List<String> ids = KubernetesObjects.of(documents.get(), report).workloadIds();
        for (String id : ids) {
          String name = id.substring(id.indexOf('/') + 1);
          boolean twoKinds = ids.stream().filter(i -> i.endsWith("/" + name)).count() > 1;
          String app = unique(name, names);
          boolean pick = twoKinds || !app.equals(name);
          into.add(
              new Found(
                  app,
                  from,
                  manifest,
                  id,
                  pick ? Optional.of("workload") : Optional.empty(),
                  pick ? Optional.of(id) : Optional.empty(),
                  false));
        }
      }
      case COMPOSE -> {
        if (!(Tree.get(root, "services").orElse(null) instanceof YamlNode.Mapping services)) {
          report.accept(
              Problem.at(
                  Tree.keyLocation(root, "services"), "services must be a mapping of services"));
          return;
        }
        for (String service : services.entries().keySet()) {
          String app = unique(service, names);
          boolean pick = !app.equals(service);
          into.add(
              new Found(
                  app,
                  from,
                  manifest,
                  "services." + service,
                  pick ? Optional.of("service") : Optional.empty(),
                  pick ? Optional.of(service) : Optional.empty(),
                  false));
        }
      }
      case PM2 -> {
        for (Pm2Ecosystem.Named pm2 :
            Pm2Ecosystem.names(root, report).orElse(List.<Pm2Ecosystem.Named>of())) {
          String app = unique(pm2.name(), names);
          boolean pick = !app.equals(pm2.name());
          into.add(
              new Found(
                  app,
                  from,
                  manifest,
                  "PM2 app " + pm2.name(),
                  pick ? Optional.of("workload") : Optional.empty(),
                  pick ? Optional.of(pm2.name()) : Optional.empty(),
                  pm2.countsCpus()));
        }
      }
    }
    if (into.size() == before) {
      report.accept(
          Problem.inFile(
              manifest,
              "holds no "
                  + switch (format.get()) {
                    case KUBERNETES -> "Deployment or StatefulSet";
                    case COMPOSE -> "service";
                    case PM2 -> "app";
                  }
                  + ": nothing opens a pool"));
    }
  }

  private static Optional<List<YamlNode>> documents(
      String manifest, Path file, Consumer<Problem> report) {
    if (Files.isDirectory(file)) {
      report.accept(
          Problem.inFile(
              manifest,
              "is a folder; give the manifest files (render a chart with helm template >"
                  + " file.yaml)"));
      return Optional.empty();
    }
    String text;
    try {
      text = InputText.read(file);
    } catch (NoSuchFileException e) {
      report.accept(Problem.inFile(manifest, "no such file"));
      return Optional.empty();
    } catch (AccessDeniedException e) {
      report.accept(Problem.inFile(manifest, "permission denied"));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      report.accept(Problem.inFile(manifest, "is not UTF-8 text"));
      return Optional.empty();
    } catch (InputText.TooLargeException e) {
      report.accept(Problem.inFile(manifest, e.reason()));
      return Optional.empty();
    } catch (IOException e) {
      report.accept(Problem.inFile(manifest, "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    try {
      return Optional.of(YamlTreeReader.readAll(manifest, text));
    } catch (InvalidInputException e) {
      e.problems().forEach(report);
      return Optional.empty();
    }
  }

  /**
   * Reads the draft as plan would, with a stand-in server and one CPU where PM2 counts them, so
   * that every value the manifests give is checked (a strategy Kubernetes refuses, an autoscaler
   * below its minimum) and reported where it is written.
   */
  private static void validate(List<Found> found, Path folder) throws InvalidInputException {
    String text = render(found, List.of(), true);
    DeploymentReader.parse(folder.resolve("poolcalc-import.yaml").toString(), text);
  }

  /** The app name for a workload: its own where poolcalc accepts it, made unique in the draft. */
  private static String unique(String workload, Set<String> taken) {
    String base = workload;
    if (!APP_NAME.matcher(base).matches()) {
      base = NOT_NAME.matcher(base).replaceAll("-");
      base = base.isEmpty() ? "app" : base.substring(0, Math.min(base.length(), 63));
    }
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      String suffix = "-" + n;
      name = base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix;
    }
    return name;
  }

  private static String relative(Path folder, Path file) {
    Path from = folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    return from.toString().replace('\\', '/');
  }

  private static String render(List<Found> found, List<String> manifests, boolean standIn) {
    StringBuilder out = new StringBuilder();
    if (!standIn) {
      out.append("# Drafted by poolcalc import from ")
          .append(String.join(", ", manifests))
          .append(".\n")
          .append("# Each app reads its replicas, autoscaling range, rollout and processes from")
          .append(" its manifest\n")
          .append("# (from:); re-render the manifests, not this file, when they change. Remove the")
          .append(" apps that\n# never connect to the database (a cache, a proxy).\n");
    }
    out.append("version: 1\ndatabase:\n");
    if (standIn) {
      out.append("  max_connections: ").append(STAND_IN_MAX_CONNECTIONS).append('\n');
    } else {
      out.append("  # Fill in the server: replace FILL_IN with its max_connections (run")
          .append(" SHOW max_connections;\n")
          .append("  # on it) and remove the #, or write provider: and instance: instead")
          .append(" (poolcalc providers).\n")
          .append(MAX_CONNECTIONS_PLACEHOLDER)
          .append('\n');
    }
    out.append("  headroom: 0.85  # the default: the pools take at most 85 % of max_connections\n");
    out.append("apps:\n");
    for (Found f : found) {
      out.append("  - name: ").append(quoted(f.app()));
      if (!standIn) {
        out.append("  # ").append(f.described()).append(" in ").append(f.shownAs());
      }
      out.append("\n    from: ").append(quoted(f.from())).append('\n');
      if (f.pickKey().isPresent()) {
        out.append("    ")
            .append(f.pickKey().get())
            .append(": ")
            .append(quoted(f.pick().get()))
            .append('\n');
      }
      if (f.countsCpus()) {
        out.append(
            standIn
                ? "    cpus: 1\n"
                : "    # PM2 starts one process per CPU for it: replace FILL_IN with the host's"
                    + " CPU count and remove the #\n"
                    + "    # cpus: FILL_IN\n");
      }
    }
    return out.toString();
  }

  /**
   * The value as a YAML string: plain when it cannot be read as anything else, else double-quoted
   * (names from other tools' files may hold any character).
   */
  private static String quoted(String value) {
    if (PLAIN.matcher(value).matches() && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    StringBuilder q = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
