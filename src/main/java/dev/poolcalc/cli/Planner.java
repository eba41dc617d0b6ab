package dev.poolcalc.cli;

import dev.poolcalc.clients.ClientFindings;
import dev.poolcalc.engine.Deployment;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.engine.Sizing;

/**
 * Plans a deployment with all its findings: the engine's arithmetic, then the client libraries'
 * traps, which need the parsed base URL the engine does not see. Every command that shows or judges
 * a plan goes through here.
 */
final class Planner {

  private Planner() {}

  static Plan plan(Deployment deployment) {
    Plan plan = Sizing.plan(deployment);
    return plan.withFindings(ClientFindings.of(plan, Settings.baseUrl(plan)));
  }
}
