package dev.poolcalc.config.manifest;

import dev.poolcalc.config.InputText;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.config.YamlNode;
import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.YamlNode.Sequence;
import dev.poolcalc.config.YamlTreeReader;
import dev.poolcalc.config.manifest.ManifestCounts.Format;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the counts an app's {@code from:} points at: Kubernetes objects, a Compose file or a PM2
 * ecosystem file. One instance serves one read of a deployment (and the files it includes), so a
 * manifest several apps name is parsed, and its problems reported, once.
 */
public final class Manifests {

  private final Map<Path, Optional<Parsed>> files = new HashMap<>();

  /** A manifest's documents and what they were recognised as. */
  private record Parsed(
      Format format, List<YamlNode> documents, Optional<KubernetesObjects> kubernetes) {}

  /**
   * What the manifest gives the app, or empty after reporting why it gives nothing usable: every
   * problem is located in the manifest or at the deployment file's key to change.
   */
  public Optional<ManifestCounts> read(ManifestRequest request, Consumer<Problem> report) {
    String name =
        request.file().getFileName() == null ? "" : request.file().getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".js") || lower.endsWith(".cjs") || lower.endsWith(".mjs")) {
      report.accept(
          Problem.at(
              request.fromAt(),
              request.pathOf("from")
                  + ": "
                  + request.shownAs()
                  + " is JavaScript, which poolcalc does not run; write the ecosystem as JSON, e.g."
                  + " node -e \"console.log(JSON.stringify(require('./"
                  + name
                  + "'), null, 2))\" > ecosystem.json"));
      return Optional.empty();
    }
    Optional<Parsed> parsed = load(request, report);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Format format = parsed.get().format();
    if (!keysFit(request, format, report)) {
      return Optional.empty();
    }
    return switch (format) {
      case KUBERNETES -> parsed.get().kubernetes().orElseThrow().read(request, report);
      case COMPOSE -> ComposeFile.read(parsed.get().documents().get(0), request, report);
      case PM2 -> Pm2Ecosystem.read(parsed.get().documents().get(0), request, report);
    };
  }

  /**
   * workload, service and cpus each belong to one kind of file; what it supplies is not written.
   */
  private static boolean keysFit(ManifestRequest request, Format format, Consumer<Problem> report) {
    boolean fit = true;
    if (format == Format.COMPOSE && request.workload().isPresent()) {
      report.accept(
          Problem.at(
              request.workload().get().at(),
              request.pathOf("workload")
                  + " picks a Kubernetes workload or a PM2 app, but "
                  + request.shownAs()
                  + " is a Compose file; name its service with service:"));
      fit = false;
    }
    if (format != Format.COMPOSE && request.service().isPresent()) {
      report.accept(
          Problem.at(
              request.service().get().at(),
              request.pathOf("service")
                  + " picks a Compose service, but "
                  + request.shownAs()
                  + " is a "
                  + format.description()
                  + "; name the "
                  + (format == Format.PM2 ? "PM2 app" : "workload")
                  + " with workload:"));
      fit = false;
    }
    if (format != Format.PM2 && request.cpus().isPresent()) {
      report.accept(
          Problem.at(
              request.cpusAt(),
              request.pathOf("cpus")
                  + " is only used with a PM2 ecosystem file whose instances is max, 0 or -1; "
                  + request.shownAs()
                  + " is a "
                  + format.description()
                  + "; remove cpus"));
      fit = false;
    }
    for (String key : List.of("replicas", "rollout", "processes")) {
      SourceLocation at = request.written().get(key);
      if (at != null && format.supplies().contains(key)) {
        report.accept(
            Problem.at(
                at,
                request.pathOf(key)
                    + " is also read from "
                    + request.shownAs()
                    + " (from:), which would make it ambiguous; remove it here and change it in"
                    + " the "
                    + format.description()));
        fit = false;
      }
    }
    return fit;
  }

  private Optional<Parsed> load(ManifestRequest request, Consumer<Problem> report) {
    Path key = request.file().toAbsolutePath().normalize();
    if (files.containsKey(key)) {
      return files.get(key);
    }
    Optional<String> text = readText(request, report);
    if (text.isEmpty()) {
      // Not kept: each app that names a missing file is told at its own from:.
      return Optional.empty();
    }
    Optional<Parsed> parsed = parse(request, text.get(), report);
    files.put(key, parsed);
    return parsed;
  }

  private static Optional<String> readText(ManifestRequest request, Consumer<Problem> report) {
    String what = request.pathOf("from") + ": " + request.shownAs();
    if (Files.isDirectory(request.file())) {
      report.accept(
          Problem.at(
              request.fromAt(),
              what
                  + " is a folder; point from: at one file (render a chart with helm template"
                  + " > file.yaml)"));
      return Optional.empty();
    }
    try {
      return Optional.of(InputText.read(request.file()));
    } catch (NoSuchFileException e) {
      report.accept(
          Problem.at(
              request.fromAt(),
              what + ": no such file (the path is relative to the file that names it)"));
    } catch (AccessDeniedException e) {
      report.accept(Problem.at(request.fromAt(), what + ": permission denied"));
    } catch (CharacterCodingException e) {
      report.accept(Problem.at(request.fromAt(), what + " is not UTF-8 text"));
    } catch (InputText.TooLargeException e) {
      report.accept(Problem.at(request.fromAt(), what + " " + e.reason()));
    } catch (IOException e) {
      report.accept(Problem.at(request.fromAt(), what + ": cannot read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static Optional<Parsed> parse(
      ManifestRequest request, String text, Consumer<Problem> report) {
    List<YamlNode> documents;
    try {
      documents = YamlTreeReader.readAll(request.shownAs(), text);
    } catch (InvalidInputException e) {
      e.problems().forEach(report);
      return Optional.empty();
    }
    if (documents.isEmpty()) {
      report.accept(
          Problem.at(
              request.fromAt(),
              request.pathOf("from")
                  + ": "
                  + request.shownAs()
                  + " is empty: it holds no workloads"));
      return Optional.empty();
    }
    Optional<Format> format = formatOf(documents);
    if (format.isEmpty()) {
      report.accept(
          Problem.at(documents.get(0).location(), "from: " + unknownFormat(request.shownAs())));
      return Optional.empty();
    }
    return Optional.of(
        new Parsed(
            format.get(),
            documents,
            format.get() == Format.KUBERNETES
                ? Optional.of(KubernetesObjects.of(documents, report))
                : Optional.empty()));
  }

  /** Which kind of file a manifest's documents are, by the keys each kind starts with. */
  static Optional<Format> formatOf(List<YamlNode> documents) {
    YamlNode first = documents.get(0);
    if (documents.stream().anyMatch(d -> Tree.get(d, "kind").isPresent())) {
      return Optional.of(Format.KUBERNETES);
    }
    if (documents.size() == 1
        && first instanceof Mapping m
        && m.entries().containsKey("services")) {
      return Optional.of(Format.COMPOSE);
    }
    if (documents.size() == 1
        && (first instanceof Sequence
            || (first instanceof Mapping m && m.entries().containsKey("apps")))) {
      return Optional.of(Format.PM2);
    }
    return Optional.empty();
  }

  static String unknownFormat(String shownAs) {
    return shownAs
        + " is neither Kubernetes objects (with kind), a Compose file (with services) nor"
        + " a PM2 ecosystem file (with apps)";
  }
}
