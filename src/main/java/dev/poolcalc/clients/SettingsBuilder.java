package dev.poolcalc.clients;

import dev.poolcalc.engine.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects one client's variables, knobs and snippet in the order they are shown. */
final class SettingsBuilder {

  private final Client client;
  private Optional<EnvVar> url = Optional.empty();
  private final List<EnvVar> env = new ArrayList<>();
  private final List<Setting> settings = new ArrayList<>();
  private Optional<String> snippet = Optional.empty();

  SettingsBuilder(Client client) {
    this.client = client;
  }

  /** The connection URL variable, when there is a base URL to build it from. */
  SettingsBuilder url(Optional<EnvVar> variable) {
    variable.ifPresent(
        v -> {
          url = Optional.of(v);
          env.add(v);
        });
    return this;
  }

  /** Adds a variable; null adds nothing (a variable that has no value to render from). */
  SettingsBuilder env(EnvVar variable) {
    if (variable != null) {
      env.add(variable);
    }
    return this;
  }

  SettingsBuilder env(String name, long value) {
    return env(EnvVar.pool(name, Long.toString(value)));
  }

  SettingsBuilder setting(String name, long value) {
    settings.add(Setting.number(name, value));
    return this;
  }

  SettingsBuilder setting(String name, String value) {
    settings.add(Setting.text(name, value));
    return this;
  }

  SettingsBuilder snippet(String code) {
    snippet = Optional.of(code);
    return this;
  }

  ClientSettings build() {
    return new ClientSettings(client, url, env, settings, snippet);
  }
}
