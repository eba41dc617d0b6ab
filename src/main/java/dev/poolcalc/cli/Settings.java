package dev.poolcalc.cli;

import dev.poolcalc.clients.PostgresUrl;
import dev.poolcalc.clients.PrismaUrl;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each app's rendered DATABASE_URL, password masked, when the file gives a base URL. */
final class Settings {

  private Settings() {}

  static Map<String, String> maskedUrls(Plan plan) {
    Map<String, String> urls = new LinkedHashMap<>();
    plan.deployment()
        .database()
        .url()
        .map(PostgresUrl::parse)
        .ifPresent(
            base -> {
              for (AppPlan app : plan.apps()) {
                urls.put(app.name(), PrismaUrl.forApp(base, app).masked());
              }
            });
    return urls;
  }
}
