package dev.poolcalc.engine;

import java.util.List;

/** Small builders so engine tests read like the deployments they describe. */
final class Deployments {

  private Deployments() {}

  static Deployment of(long maxConnections, long reserve, App... apps) {
    return new Deployment(Database.of(maxConnections, Amount.count(reserve)), List.of(apps));
  }

  static App app(String name, long replicas) {
    return App.of(name, Replicas.fixed(replicas), 1);
  }

  static App fixed(String name, long replicas, long limit) {
    return app(name, replicas).withConnectionLimit(limit);
  }
}
