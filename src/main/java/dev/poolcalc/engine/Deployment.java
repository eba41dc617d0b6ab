package dev.poolcalc.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the plan is made from: one server, the apps (in file order) that share it, and the
 * poolers some of them connect through.
 */
public record Deployment(Database database, List<App> apps, List<Pooler> poolers) {

  public Deployment {
    Objects.requireNonNull(database, "database");
    apps = List.copyOf(apps);
    poolers = List.copyOf(poolers);
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("a deployment has at least one app");
    }
    for (App app : apps) {
      if (app.via().isPresent()
          && poolers.stream().noneMatch(p -> p.name().equals(app.via().get()))) {
        throw new IllegalArgumentException(
            app.name() + " goes through a pooler that is not listed");
      }
    }
  }

  /** A deployment without poolers: every app connects to the server itself. */
  public Deployment(Database database, List<App> apps) {
    this(database, apps, List.of());
  }

  public Deployment withDatabase(Database db) {
    return new Deployment(db, apps, poolers);
  }

  public Deployment withApps(List<App> a) {
    return new Deployment(database, a, poolers);
  }

  public Optional<Pooler> pooler(String name) {
    return poolers.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
