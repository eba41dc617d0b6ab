package dev.poolcalc.config.manifest;

import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.config.ValueSource;
import dev.poolcalc.config.YamlNode;
import dev.poolcalc.config.YamlNode.Mapping;
import dev.poolcalc.config.manifest.ManifestCounts.Format;
import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Rollout;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A Docker Compose file's service: how many containers it runs and how they are replaced.
 *
 * <p>From the Compose Specification: {@code deploy.replicas} is the number of containers of a
 * replicated service (https://docs.docker.com/reference/compose-file/deploy/#replicas), {@code
 * scale} the older spelling of the same count, which must agree with it when both are set
 * (https://docs.docker.com/reference/compose-file/services/#scale); neither means one container.
 * {@code deploy.update_config.order} is stop-first by default (the old container stops before its
 * successor starts, so the count never rises) or start-first (the new ones start first and overlap
 * briefly), {@code parallelism} containers at a time, 0 for all at once
 * (https://docs.docker.com/reference/compose-file/deploy/#update_config; default 1:
 * https://docs.docker.com/reference/cli/docker/service/update/).
 */
final class ComposeFile {

  private ComposeFile() {}

  static Optional<ManifestCounts> read(
      YamlNode root, ManifestRequest request, Consumer<Problem> report) {
    Optional<Mapping> services = Tree.mapping(root, "services");
    if (services.isEmpty()) {
      report.accept(
          Problem.at(Tree.keyLocation(root, "services"), "services must be a mapping of services"));
      return Optional.empty();
    }
    String wanted = request.service().map(ManifestRequest.Named::value).orElse(request.app());
    Optional<Mapping> service = Tree.mapping(services.get(), wanted);
    if (service.isEmpty()) {
      List<String> names = List.copyOf(services.get().entries().keySet());
      SourceLocation at = request.service().map(ManifestRequest.Named::at).orElse(request.fromAt());
      String key = request.service().isPresent() ? "service" : "from";
      report.accept(
          Problem.at(
              at,
              String.format(
                  "%s: %s has no service named \"%s\"%s",
                  request.pathOf(key),
                  request.shownAs(),
                  wanted,
                  Tree.closest(wanted, names)
                      .map(
                          n ->
                              "; did you mean '"
                                  + n
                                  + "'?"
                                  + (request.service().isPresent()
                                      ? ""
                                      : " (add service: " + n + ")"))
                      .orElse("; it has " + String.join(", ", names)))));
      return Optional.empty();
    }
    String id = "services." + wanted;
    SourceLocation serviceAt = Tree.keyLocation(services.get(), wanted);
    Mapping deploy = Tree.mapping(service.get(), "deploy").orElse(new Mapping(Map.of(), serviceAt));
    if (Tree.text(deploy, "mode").filter(m -> m.startsWith("global")).isPresent()) {
      report.accept(
          Problem.at(
              Tree.get(deploy, "mode").get().location(),
              id
                  + ".deploy.mode global runs one container per node, which the file does not"
                  + " count; remove from: and write replicas: (the number of nodes)"));
      return Optional.empty();
    }
    Map<String, ValueSource> sources = new LinkedHashMap<>();
    Optional<Replicas> replicas = replicas(service.get(), deploy, id, serviceAt, report, sources);
    Optional<Rollout> rollout = rollout(deploy, id, serviceAt, report, sources);
    if (replicas.isEmpty() || rollout.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ManifestCounts(Format.COMPOSE, replicas, rollout, OptionalLong.empty(), sources));
  }

  private static Optional<Replicas> replicas(
      Mapping service,
      Mapping deploy,
      String id,
      SourceLocation serviceAt,
      Consumer<Problem> report,
      Map<String, ValueSource> sources) {
    Optional<YamlNode> replicas = Tree.get(deploy, "replicas");
    Optional<YamlNode> scale = Tree.get(service, "scale");
    OptionalLong fromDeploy =
        replicas
            .map(
                v ->
                    Tree.integer(
                        v, id + ".deploy.replicas", 0, KubernetesObjects.MAX_REPLICAS, report))
            .orElse(OptionalLong.empty());
    OptionalLong fromScale =
        scale
            .map(v -> Tree.integer(v, id + ".scale", 0, KubernetesObjects.MAX_REPLICAS, report))
            .orElse(OptionalLong.empty());
    if ((replicas.isPresent() && fromDeploy.isEmpty())
        || (scale.isPresent() && fromScale.isEmpty())) {
      return Optional.empty();
    }
    if (fromDeploy.isPresent()
        && fromScale.isPresent()
        && fromDeploy.getAsLong() != fromScale.getAsLong()) {
      report.accept(
          Problem.at(
              scale.get().location(),
              String.format(
                  "%s.scale (%d) and deploy.replicas (%d) disagree; Compose needs them equal, keep"
                      + " one",
                  id, fromScale.getAsLong(), fromDeploy.getAsLong())));
      return Optional.empty();
    }
    YamlNode written = replicas.or(() -> scale).orElse(null);
    long count = fromDeploy.isPresent() ? fromDeploy.getAsLong() : fromScale.orElse(1);
    if (count == 0) {
      report.accept(
          Problem.at(
              written.location(),
              id
                  + " runs 0 containers and opens no pools; remove the app from the deployment file"
                  + " while it is scaled down"));
      return Optional.empty();
    }
    sources.put(
        "replicas",
        written == null
            ? new ValueSource(serviceAt, id + ".deploy.replicas absent: default 1")
            : new ValueSource(
                written.location(), id + (replicas.isPresent() ? ".deploy.replicas" : ".scale")));
    return Optional.of(Replicas.fixed(count));
  }

  private static Optional<Rollout> rollout(
      Mapping deploy,
      String id,
      SourceLocation serviceAt,
      Consumer<Problem> report,
      Map<String, ValueSource> sources) {
    Optional<Mapping> update = Tree.mapping(deploy, "update_config");
    Optional<YamlNode> order = update.flatMap(u -> Tree.get(u, "order"));
    String field = id + ".deploy.update_config";
    String text = update.flatMap(u -> Tree.text(u, "order")).orElse("stop-first");
    if (text.equals("stop-first")) {
      sources.put(
          "rollout",
          order.isPresent()
              ? new ValueSource(order.get().location(), field + ".order")
              : new ValueSource(serviceAt, field + ".order absent: default stop-first"));
      return Optional.of(Rollout.of(Rollout.Strategy.RECREATE));
    }
    if (!text.equals("start-first")) {
      report.accept(
          Problem.at(
              order.get().location(),
              field
                  + ".order must be stop-first or start-first (got \""
                  + text
                  + "\")"
                  + Tree.closest(text, List.of("stop-first", "start-first"))
                      .map(k -> "; did you mean '" + k + "'?")
                      .orElse("")));
      return Optional.empty();
    }
    sources.put("rollout", new ValueSource(order.get().location(), field + ".order"));
    Optional<YamlNode> parallelism = update.flatMap(u -> Tree.get(u, "parallelism"));
    Amount surge;
    if (parallelism.isEmpty()) {
      surge = Amount.count(1);
      sources.put(
          "rollout.max_surge",
          new ValueSource(order.get().location(), field + ".parallelism absent: default 1"));
    } else {
      OptionalLong p =
          Tree.integer(
              parallelism.get(), field + ".parallelism", 0, KubernetesObjects.MAX_REPLICAS, report);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      surge =
          p.getAsLong() == 0
              ? Amount.percentOf(BigDecimal.valueOf(100))
              : Amount.count(p.getAsLong());
      sources.put(
          "rollout.max_surge",
          new ValueSource(parallelism.get().location(), field + ".parallelism"));
    }
    return Optional.of(Rollout.rolling(surge, Amount.count(0)));
  }
}
