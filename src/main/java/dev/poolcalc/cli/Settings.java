package dev.poolcalc.cli;

import dev.poolcalc.clients.ClientSettings;
import dev.poolcalc.clients.PostgresUrl;
import dev.poolcalc.clients.Setting;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.render.AppSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each app's client settings, rendered once per command from the plan and the file's base URL, and
 * handed to the renderers with every secret masked.
 */
record Settings(Map<String, ClientSettings> byApp) {

  Settings {
    byApp = Collections.unmodifiableMap(new LinkedHashMap<>(byApp));
  }

  static Settings of(Plan plan) {
    Optional<PostgresUrl> base = baseUrl(plan);
    Map<String, ClientSettings> byApp = new LinkedHashMap<>();
    for (AppPlan app : plan.apps()) {
      byApp.put(app.name(), ClientSettings.render(app, base));
    }
    return new Settings(byApp);
  }

  /** The file's database.url, already checked by {@link DeploymentInput}. */
  static Optional<PostgresUrl> baseUrl(Plan plan) {
    return plan.deployment().database().url().map(PostgresUrl::parse);
  }

  /** Each app's connection URL, password masked, for apps that have one. */
  Map<String, String> maskedUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    byApp.forEach((app, s) -> s.maskedUrl().ifPresent(url -> urls.put(app, url)));
    return urls;
  }

  /** Each app's knobs and snippet as plan output shows them. */
  Map<String, AppSettings> display() {
    Map<String, AppSettings> display = new LinkedHashMap<>();
    byApp.forEach(
        (app, s) -> {
          Map<String, Object> values = new LinkedHashMap<>();
          for (Setting setting : s.settings()) {
            values.put(
                setting.name(),
                setting.numeric() ? (Object) Long.valueOf(setting.value()) : setting.value());
          }
          display.put(app, new AppSettings(values, s.snippet()));
        });
    return display;
  }
}
