package dev.poolcalc.engine;

import java.util.List;
import java.util.Objects;

/** Everything the plan is made from: one server and the apps (in file order) that share it. */
public record Deployment(Database database, List<App> apps) {

  public Deployment {
    Objects.requireNonNull(database, "database");
    apps = List.copyOf(apps);
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("a deployment has at least one app");
    }
  }
}
