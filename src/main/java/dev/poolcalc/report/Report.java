package dev.poolcalc.report;

import dev.poolcalc.clients.ClientLibrary;
import dev.poolcalc.clients.ClientSettings;
import dev.poolcalc.clients.EnvVar;
import dev.poolcalc.config.DeploymentFile;
import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import dev.poolcalc.config.SourceLocation;
import dev.poolcalc.config.UnsetVariables;
import dev.poolcalc.config.ValueSource;
import dev.poolcalc.engine.App;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.Finding;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Pooler;
import dev.poolcalc.engine.Severity;
import dev.poolcalc.engine.Sizing;
import dev.poolcalc.url.PostgresUrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One deployment made ready for every renderer: the engine's plan with the client libraries'
 * findings added, each app's client settings (secrets masked wherever they are shown, real only in
 * {@code env}), and where each app is written in its file. The base URL is parsed once, here.
 *
 * @param file the file's name as the user gave it ({@code <stdin>} for -)
 * @param settings each app's client settings, in file order
 * @param locations where each app's entry starts, by app name
 * @param sources per app, the values {@code from:} read from manifests and where, by what they set
 *     ({@code replicas}, {@code rollout.max_surge}, …), sorted by that key
 */
public record Report(
    String file,
    Plan plan,
    Map<String, ClientSettings> settings,
    Map<String, SourceLocation> locations,
    Map<String, SortedMap<String, ValueSource>> sources) {

  public Report {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(plan, "plan");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    locations = Map.copyOf(locations);
    sources = Map.copyOf(sources);
  }

  /**
   * Plans a file that config has read and validated.
   *
   * @throws InvalidInputException when its numbers are too large to add up exactly
   */
  public static Report of(DeploymentFile file) throws InvalidInputException {
    try {
      return plan(file);
    } catch (ArithmeticException e) {
      throw new InvalidInputException(Problem.inFile(file.file(), TOO_LARGE));
    }
  }

  private static Report plan(DeploymentFile file) {
    Plan sized = Sizing.plan(file.deployment());
    Optional<PostgresUrl> databaseUrl = file.deployment().database().url().map(PostgresUrl::parse);
    Map<String, ClientSettings> settings = new LinkedHashMap<>();
    List<Finding> clientFindings = new ArrayList<>();
    Map<String, SourceLocation> locations = new LinkedHashMap<>();
    Map<String, SortedMap<String, ValueSource>> sources = new LinkedHashMap<>();
    List<AppPlan> apps = sized.apps();
    for (int i = 0; i < apps.size(); i++) {
      AppPlan app = apps.get(i);
      ClientLibrary library = ClientLibrary.of(app.app().client());
      Optional<PostgresUrl> base = baseUrl(file.deployment(), app.app(), databaseUrl);
      Optional<Pooler> pooler = app.app().via().flatMap(file.deployment()::pooler);
      ClientSettings rendered =
          pooler.isPresent()
              ? library.settings(app, base, pooler.get(), databaseUrl)
              : library.settings(app, base);
      settings.put(app.name(), rendered.mapText(file.unset()::shown));
      List<Finding> found = new ArrayList<>(library.findings(app, base));
      pooler.ifPresent(p -> found.addAll(library.pooledFindings(app, p, databaseUrl.isPresent())));
      for (Finding f : found) {
        clientFindings.add(
            new Finding(f.severity(), f.code(), file.unset().shown(f.message()), f.app()));
      }
      locations.put(app.name(), file.appLocation(i));
      sources.put(app.name(), new TreeMap<>(file.sources(app.name())));
    }
    clientFindings.addAll(unsetFindings(file));
    // Advice never turns a plan red: the status stays the arithmetic's verdict
    // (docs/ARCHITECTURE.md).
    return new Report(
        file.file(), sized.withFindings(clientFindings), settings, locations, sources);
  }

  /**
   * One info finding per URL that uses unset variables, naming them and where the URL is written
   * (DESIGN.md, "Variables that CI does not have"). Never a value: there is none.
   */
  private static List<Finding> unsetFindings(DeploymentFile file) {
    List<Finding> out = new ArrayList<>();
    file.unset()
        .byKeyPath()
        .forEach(
            (keyPath, unset) -> {
              List<String> names = unset.stream().map(UnsetVariables.Unset::shown).toList();
              SourceLocation at = unset.get(0).at();
              String where = at.file() + ":" + at.line() + ":" + at.column();
              boolean whole =
                  keyPath.equals("database.url") && file.deployment().database().url().isEmpty();
              String message =
                  whole
                      ? keyPath
                          + " is "
                          + names.get(0)
                          + " ("
                          + where
                          + "), which is not set here, so no URL is shown; env, audit and"
                          + " rehearse need it"
                      : keyPath
                          + " uses "
                          + String.join(", ", names)
                          + " ("
                          + where
                          + "), not set here; the URLs show "
                          + (names.size() == 1 ? "it" : "them")
                          + " as written, and env, audit and rehearse need "
                          + (names.size() == 1 ? "it" : "them");
              out.add(Finding.of(Severity.INFO, UNSET_CODE, message));
            });
    return out;
  }

  /** The finding's code: scripts may match on it. */
  public static final String UNSET_CODE = "variable-unset";

  /** The app's own url, else its pooler's, else database.url: where its settings start from. */
  private static Optional<PostgresUrl> baseUrl(
      Deployment deployment, App app, Optional<PostgresUrl> databaseUrl) {
    Optional<String> own =
        app.url().or(() -> app.via().flatMap(deployment::pooler).flatMap(Pooler::url));
    return own.isPresent() ? own.map(PostgresUrl::parse) : databaseUrl;
  }

  /** What every command says when exact arithmetic overflows. */
  public static final String TOO_LARGE =
      "the numbers in this file are too large to add up exactly;"
          + " check replicas, processes and connection_limit";

  public ClientSettings settings(String app) {
    return Objects.requireNonNull(settings.get(app), app);
  }

  /** The app's connection URL with its password masked, when the file gives database.url. */
  public Optional<String> maskedUrl(String app) {
    return settings(app).maskedUrl();
  }

  /** Where the app's entry starts in its file. */
  public SourceLocation location(String app) {
    return Objects.requireNonNull(locations.get(app), app);
  }

  /** What {@code from:} read for the app from its manifests, and where; empty without it. */
  public SortedMap<String, ValueSource> sources(String app) {
    return sources.getOrDefault(app, new TreeMap<>());
  }

  /**
   * The variables one app needs, with real values, as its client library renders them; {@code
   * urlVariable} renames the connection URL variable ({@code env --var}).
   */
  public List<EnvVar> env(String app, Optional<String> urlVariable) {
    ClientSettings s = settings(app);
    Optional<String> urlName = s.url().map(EnvVar::name);
    List<EnvVar> vars = new ArrayList<>();
    for (EnvVar v : s.env()) {
      boolean isUrl = urlName.filter(v.name()::equals).isPresent();
      vars.add(isUrl && urlVariable.isPresent() ? v.named(urlVariable.get()) : v);
    }
    return vars;
  }
}
