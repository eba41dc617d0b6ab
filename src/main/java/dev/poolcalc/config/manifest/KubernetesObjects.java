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
import dev.poolcalc.config.manifest.ManifestRequest.Named;
import dev.poolcalc.engine.Amount;
import dev.poolcalc.engine.Replicas;
import dev.poolcalc.engine.Rollout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects of a Kubernetes multi-document stream ({@code helm template}, {@code kustomize
 * build}, {@code kubectl get -o yaml}): its Deployments and StatefulSets, and the autoscalers
 * (HorizontalPodAutoscaler, KEDA ScaledObject) that set their replicas. The autoscalers are checked
 * once, when the stream is first read, whichever app they belong to.
 *
 * <p>Kubernetes' own defaults and rules, from its API reference:
 *
 * <ul>
 *   <li>Deployment {@code spec.replicas} defaults to 1; {@code spec.strategy.type} to
 *       RollingUpdate; maxSurge and maxUnavailable to 25 %, an absolute number or a percentage of
 *       the desired pods, maxSurge rounded up and maxUnavailable rounded down, and they cannot both
 *       be 0
 *       (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/).
 *   <li>A percentage is a string of digits and "%" (IsValidPercent, {@code ^[0-9]+%$}); any other
 *       string is refused ("invalid type: string is not a percentage",
 *       https://github.com/kubernetes/apimachinery/blob/master/pkg/util/intstr/intstr.go);
 *       maxUnavailable may not exceed 100 %.
 *   <li>A StatefulSet replaces its pods one at a time, deleting each before creating its successor,
 *       so it never runs more than {@code spec.replicas}
 *       (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#rolling-updates).
 *   <li>HorizontalPodAutoscaler (autoscaling/v1 and v2): {@code maxReplicas} required and not below
 *       minReplicas, {@code minReplicas} defaults to 1
 *       (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/).
 *   <li>KEDA ScaledObject: {@code minReplicaCount} defaults to 0, {@code maxReplicaCount} to 100,
 *       {@code scaleTargetRef.kind} to Deployment
 *       (https://keda.sh/docs/latest/reference/scaledobject-spec/).
 * </ul>
 */
final class KubernetesObjects {

  static final long MAX_REPLICAS = 100_000;

  private static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet");
  private static final Pattern PERCENT = Pattern.compile("([0-9]+)%");
  private static final BigDecimal DEFAULT_PERCENT = new BigDecimal("25");

  /** One object of the stream, with where its name was written. */
  private record KObject(String kind, String name, Mapping node, SourceLocation nameAt) {
    String id() {
      return kind + "/" + name;
    }

    Mapping spec() {
      return Tree.mapping(node, "spec").orElse(new Mapping(Map.of(), node.location()));
    }
  }

  /**
   * An autoscaler and the range it gives its target; the range is empty when the autoscaler was
   * refused (already reported).
   */
  private record Scaler(
      KObject object,
      String targetKind,
      String targetName,
      SourceLocation targetAt,
      Optional<Replicas> range,
      Map<String, ValueSource> sources) {}

  private final List<KObject> workloads;
  private final List<Scaler> scalers;

  private KubernetesObjects(List<KObject> workloads, List<Scaler> scalers) {
    this.workloads = workloads;
    this.scalers = scalers;
  }

  static KubernetesObjects of(List<YamlNode> documents, Consumer<Problem> report) {
    List<KObject> objects = new ArrayList<>();
    for (YamlNode document : documents) {
      collect(document, objects);
    }
    List<KObject> workloads =
        objects.stream().filter(o -> WORKLOAD_KINDS.contains(o.kind())).toList();
    List<Scaler> scalers = new ArrayList<>();
    for (KObject o : objects) {
      if (o.kind().equals("HorizontalPodAutoscaler") || o.kind().equals("ScaledObject")) {
        scaler(o, workloads, report).ifPresent(scalers::add);
      }
    }
    return new KubernetesObjects(workloads, scalers);
  }

  /** Objects with a kind and a name; a {@code kind: List} adds its items. */
  private static void collect(YamlNode document, List<KObject> into) {
    Optional<String> kind = Tree.text(document, "kind");
    if (kind.isEmpty() || !(document instanceof Mapping m)) {
      return;
    }
    if (kind.get().equals("List") && Tree.get(m, "items").orElse(null) instanceof Sequence items) {
      items.items().forEach(item -> collect(item, into));
      return;
    }
    Optional<Mapping> metadata = Tree.mapping(m, "metadata");
    Optional<String> name = metadata.flatMap(md -> Tree.text(md, "name"));
    if (name.isPresent()) {
      into.add(
          new KObject(
              kind.get(), name.get(), m, Tree.get(metadata.get(), "name").get().location()));
    }
  }

  private static Optional<Scaler> scaler(
      KObject o, List<KObject> workloads, Consumer<Problem> report) {
    boolean keda = o.kind().equals("ScaledObject");
    Mapping spec = o.spec();
    Optional<Mapping> ref = Tree.mapping(spec, "scaleTargetRef");
    Optional<String> targetName = ref.flatMap(r -> Tree.text(r, "name"));
    if (targetName.isEmpty()) {
      report.accept(
          Problem.at(
              ref.map(YamlNode::location).orElse(spec.location()),
              o.id() + ": spec.scaleTargetRef.name is required: the workload it scales"));
      return Optional.empty();
    }
    String targetKind = ref.flatMap(r -> Tree.text(r, "kind")).orElse(keda ? "Deployment" : "");
    SourceLocation targetAt = Tree.get(ref.get(), "name").get().location();
    if (WORKLOAD_KINDS.contains(targetKind)) {
      boolean found =
          workloads.stream()
              .anyMatch(w -> w.kind().equals(targetKind) && w.name().equals(targetName.get()));
      if (!found) {
        List<String> names =
            workloads.stream().filter(w -> w.kind().equals(targetKind)).map(KObject::name).toList();
        report.accept(
            Problem.at(
                targetAt,
                o.id()
                    + " scales "
                    + targetKind
                    + "/"
                    + targetName.get()
                    + ", which is not in this file"
                    + Tree.closest(targetName.get(), names)
                        .map(n -> "; did you mean '" + n + "'?")
                        .orElse(
                            names.isEmpty()
                                ? " (it holds no " + targetKind + ")"
                                : " (its " + targetKind + "s: " + String.join(", ", names) + ")")));
        return Optional.empty();
      }
    }
    String minKey = keda ? "minReplicaCount" : "minReplicas";
    String maxKey = keda ? "maxReplicaCount" : "maxReplicas";
    long minDefault = keda ? 0 : 1;
    Map<String, ValueSource> sources = new LinkedHashMap<>();
    OptionalLong min = count(spec, minKey, 0, o, report);
    OptionalLong max;
    if (keda) {
      max = count(spec, maxKey, 1, o, report);
    } else if (Tree.get(spec, maxKey).isEmpty()) {
      report.accept(
          Problem.at(
              spec.location(),
              o.id() + ": spec.maxReplicas is required: the most replicas the autoscaler runs"));
      return Optional.empty();
    } else {
      max = count(spec, maxKey, 1, o, report);
    }
    boolean minWritten = Tree.get(spec, minKey).isPresent();
    boolean maxWritten = Tree.get(spec, maxKey).isPresent();
    if ((minWritten && min.isEmpty()) || (maxWritten && max.isEmpty())) {
      return Optional.empty();
    }
    long lo = minWritten ? min.getAsLong() : minDefault;
    long hi = maxWritten ? max.getAsLong() : 100;
    if (hi < lo) {
      report.accept(
          Problem.at(
              maxWritten ? Tree.get(spec, maxKey).get().location() : spec.location(),
              String.format(
                  "%s: spec.%s (%d) is below spec.%s (%d); Kubernetes refuses it",
                  o.id(), maxKey, hi, minKey, lo)));
      return Optional.empty();
    }
    sources.put(
        "replicas.min",
        minWritten
            ? new ValueSource(Tree.get(spec, minKey).get().location(), o.id() + " spec." + minKey)
            : new ValueSource(
                o.nameAt(), o.id() + " spec." + minKey + " absent: default " + minDefault));
    sources.put(
        "replicas.max",
        maxWritten
            ? new ValueSource(Tree.get(spec, maxKey).get().location(), o.id() + " spec." + maxKey)
            : new ValueSource(o.nameAt(), o.id() + " spec." + maxKey + " absent: default 100"));
    return Optional.of(
        new Scaler(
            o,
            targetKind,
            targetName.get(),
            targetAt,
            Optional.of(Replicas.between(lo, hi)),
            sources));
  }

  private static OptionalLong count(
      Mapping spec, String key, long min, KObject o, Consumer<Problem> report) {
    return Tree.get(spec, key)
        .map(v -> Tree.integer(v, o.id() + " spec." + key, min, MAX_REPLICAS, report))
        .orElse(OptionalLong.empty());
  }

  /** The Deployments and StatefulSets of the stream, in file order, as {@code Kind/name}. */
  List<String> workloadIds() {
    return workloads.stream().map(KObject::id).toList();
  }

  /** The counts of the workload the app names, or its autoscaler's range. */
  Optional<ManifestCounts> read(ManifestRequest request, Consumer<Problem> report) {
    Optional<KObject> workload = select(request, report);
    if (workload.isEmpty()) {
      return Optional.empty();
    }
    KObject w = workload.get();
    Map<String, ValueSource> sources = new LinkedHashMap<>();
    Optional<Replicas> replicas = replicas(w, report, sources);
    Optional<Rollout> rollout =
        w.kind().equals("StatefulSet")
            ? Optional.of(statefulSet(w, sources))
            : strategy(w, report, sources);
    if (replicas.isEmpty() || rollout.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ManifestCounts(Format.KUBERNETES, replicas, rollout, OptionalLong.empty(), sources));
  }

  private Optional<KObject> select(ManifestRequest request, Consumer<Problem> report) {
    String name = request.app();
    Optional<String> kind = Optional.empty();
    SourceLocation at = request.fromAt();
    String key = "from";
    if (request.workload().isPresent()) {
      Named written = request.workload().get();
      at = written.at();
      key = "workload";
      int slash = written.value().indexOf('/');
      name = slash < 0 ? written.value() : written.value().substring(slash + 1);
      if (slash >= 0) {
        String typed = written.value().substring(0, slash);
        Optional<String> known =
            WORKLOAD_KINDS.stream().filter(k -> k.equalsIgnoreCase(typed)).findFirst();
        if (known.isEmpty()) {
          report.accept(
              Problem.at(
                  at,
                  request.pathOf("workload")
                      + " must be Deployment/NAME or StatefulSet/NAME (got \""
                      + written.value()
                      + "\")"));
          return Optional.empty();
        }
        kind = known;
      }
    }
    String wanted = name;
    Optional<String> wantedKind = kind;
    List<KObject> candidates =
        workloads.stream().filter(w -> wantedKind.map(w.kind()::equals).orElse(true)).toList();
    List<KObject> matches = candidates.stream().filter(w -> w.name().equals(wanted)).toList();
    String kinds = wantedKind.orElse("Deployment or StatefulSet");
    if (matches.isEmpty()) {
      List<String> names = candidates.stream().map(KObject::name).distinct().toList();
      Optional<String> close = Tree.closest(wanted, names);
      String hint =
          close
              .map(
                  n ->
                      "; did you mean '"
                          + n
                          + "'? ("
                          + (request.workload().isPresent()
                              ? "set workload: " + kindOf(candidates, n) + "/" + n
                              : "add workload: " + kindOf(candidates, n) + "/" + n + " to the app")
                          + ")")
              .orElse(
                  candidates.isEmpty()
                      ? " (it holds none)"
                      : "; it holds "
                          + String.join(", ", candidates.stream().map(KObject::id).toList()));
      report.accept(
          Problem.at(
              at,
              String.format(
                  "%s: %s has no %s named \"%s\"%s",
                  request.pathOf(key), request.shownAs(), kinds, wanted, hint)));
      return Optional.empty();
    }
    if (matches.size() > 1) {
      KObject first = matches.get(0);
      KObject second = matches.get(1);
      String pick =
          first.kind().equals(second.kind())
              ? "keep one (render a single namespace)"
              : "pick one with workload: "
                  + second.kind()
                  + "/"
                  + wanted
                  + " on "
                  + request.keyPath();
      report.accept(
          Problem.at(
              second.nameAt(),
              String.format(
                  "%s is a second %s named \"%s\" for %s (the first, %s, is at line %d); %s",
                  second.id(),
                  kinds,
                  wanted,
                  request.keyPath(),
                  first.id(),
                  first.nameAt().line(),
                  pick)));
      return Optional.empty();
    }
    return Optional.of(matches.get(0));
  }

  private static String kindOf(List<KObject> candidates, String name) {
    return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().kind();
  }

  /** The autoscaler's range when one targets the workload, else spec.replicas (absent: 1). */
  private Optional<Replicas> replicas(
      KObject w, Consumer<Problem> report, Map<String, ValueSource> sources) {
    List<Scaler> mine =
        scalers.stream()
            .filter(s -> s.targetKind().equals(w.kind()) && s.targetName().equals(w.name()))
            .toList();
    if (mine.size() > 1) {
      Scaler second = mine.get(1);
      report.accept(
          Problem.at(
              second.targetAt(),
              String.format(
                  "%s and %s (line %d) both scale %s; Kubernetes lets one autoscaler own it, keep"
                      + " one",
                  second.object().id(),
                  mine.get(0).object().id(),
                  mine.get(0).object().nameAt().line(),
                  w.id())));
      return Optional.empty();
    }
    if (mine.size() == 1) {
      sources.putAll(mine.get(0).sources());
      return mine.get(0).range();
    }
    Optional<YamlNode> written = Tree.get(w.spec(), "replicas");
    if (written.isEmpty()) {
      sources.put(
          "replicas", new ValueSource(w.nameAt(), w.id() + " spec.replicas absent: default 1"));
      return Optional.of(Replicas.fixed(1));
    }
    OptionalLong count =
        Tree.integer(written.get(), w.id() + " spec.replicas", 0, MAX_REPLICAS, report);
    if (count.isEmpty()) {
      return Optional.empty();
    }
    if (count.getAsLong() == 0) {
      report.accept(
          Problem.at(
              written.get().location(),
              w.id()
                  + " spec.replicas is 0: it runs no pods and opens no pools; remove the app from"
                  + " the deployment file while it is scaled down"));
      return Optional.empty();
    }
    sources.put("replicas", new ValueSource(written.get().location(), w.id() + " spec.replicas"));
    return Optional.of(Replicas.fixed(count.getAsLong()));
  }

  private static Rollout statefulSet(KObject w, Map<String, ValueSource> sources) {
    sources.put(
        "rollout",
        new ValueSource(
            w.nameAt(), w.id() + ": pods are replaced one at a time, never above spec.replicas"));
    return Rollout.of(Rollout.Strategy.RECREATE);
  }

  /** spec.strategy: RollingUpdate (the default) with its steps, or Recreate. */
  private static Optional<Rollout> strategy(
      KObject w, Consumer<Problem> report, Map<String, ValueSource> sources) {
    Mapping spec = w.spec();
    Optional<Mapping> strategy = Tree.mapping(spec, "strategy");
    Optional<YamlNode> type = strategy.flatMap(s -> Tree.get(s, "type"));
    String field = w.id() + " spec.strategy";
    if (type.isPresent() && Tree.text(strategy.get(), "type").orElse("").equals("Recreate")) {
      if (Tree.get(strategy.get(), "rollingUpdate").isPresent()) {
        report.accept(
            Problem.at(
                Tree.keyLocation(strategy.get(), "rollingUpdate"),
                field
                    + ".rollingUpdate may not be set when type is Recreate; Kubernetes refuses it"));
        return Optional.empty();
      }
      sources.put("rollout", new ValueSource(type.get().location(), field + ".type"));
      return Optional.of(Rollout.of(Rollout.Strategy.RECREATE));
    }
    if (type.isPresent() && !Tree.text(strategy.get(), "type").orElse("").equals("RollingUpdate")) {
      String got = type.get() instanceof Scalar s ? s.text() : type.get().describe();
      report.accept(
          Problem.at(
              type.get().location(),
              field
                  + ".type must be RollingUpdate or Recreate (got \""
                  + got
                  + "\")"
                  + Tree.closest(got, List.of("RollingUpdate", "Recreate"))
                      .map(k -> "; did you mean '" + k + "'?")
                      .orElse("")));
      return Optional.empty();
    }
    sources.put(
        "rollout",
        type.isPresent()
            ? new ValueSource(type.get().location(), field + ".type")
            : new ValueSource(w.nameAt(), field + " absent: default RollingUpdate"));
    Optional<Mapping> rolling = strategy.flatMap(s -> Tree.mapping(s, "rollingUpdate"));
    Optional<Amount> surge = step(rolling, "maxSurge", false, w, report, sources);
    Optional<Amount> unavailable = step(rolling, "maxUnavailable", true, w, report, sources);
    if (surge.isEmpty() || unavailable.isEmpty()) {
      return Optional.empty();
    }
    if (surge.get().isZero() && unavailable.get().isZero()) {
      report.accept(
          Problem.at(
              rolling.map(YamlNode::location).orElse(w.nameAt()),
              field
                  + ".rollingUpdate: maxSurge and maxUnavailable cannot both be 0; Kubernetes"
                  + " refuses it"));
      return Optional.empty();
    }
    return Optional.of(Rollout.rolling(surge.get(), unavailable.get()));
  }

  /** An IntOrString as Kubernetes reads it: a count, or digits followed by "%". */
  private static Optional<Amount> step(
      Optional<Mapping> rolling,
      String key,
      boolean capAt100,
      KObject w,
      Consumer<Problem> report,
      Map<String, ValueSource> sources) {
    String ours = key.equals("maxSurge") ? "rollout.max_surge" : "rollout.max_unavailable";
    String field = w.id() + " spec.strategy.rollingUpdate." + key;
    Optional<YamlNode> value = rolling.flatMap(r -> Tree.get(r, key));
    if (value.isEmpty()) {
      sources.put(ours, new ValueSource(w.nameAt(), field + " absent: default 25%"));
      return Optional.of(Amount.percentOf(DEFAULT_PERCENT));
    }
    YamlNode v = value.get();
    if (v instanceof Scalar s && s.kind() == ScalarKind.STRING) {
      Matcher m = PERCENT.matcher(s.text());
      if (!m.matches()) {
        report.accept(
            Problem.at(
                v.location(),
                String.format(
                    "%s must be a whole number or a percentage such as \"25%%\" (got \"%s\");"
                        + " Kubernetes reads a string only as a percentage",
                    field, s.text())));
        return Optional.empty();
      }
      BigDecimal percent = new BigDecimal(m.group(1));
      if (capAt100 && percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        report.accept(
            Problem.at(v.location(), field + " must not be above 100% (got " + s.text() + ")"));
        return Optional.empty();
      }
      sources.put(ours, new ValueSource(v.location(), field));
      return Optional.of(Amount.percentOf(percent));
    }
    OptionalLong count = Tree.integer(v, field, 0, MAX_REPLICAS, report);
    if (count.isEmpty()) {
      return Optional.empty();
    }
    sources.put(ours, new ValueSource(v.location(), field));
    return Optional.of(Amount.count(count.getAsLong()));
  }
}
