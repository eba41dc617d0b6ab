package dev.poolcalc.clients;

import dev.poolcalc.engine.Client;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one app's client library must be given so that each of its pools holds at most the planned
 * limit: environment variables (real values, for {@code env}), the knobs by their documented names
 * (for {@code plan}), and, where the library takes its pool size in code, a snippet to paste that
 * reads those variables.
 *
 * @param url the connection URL variable, present when the file gives database.url; also in env
 * @param env every variable to set, in order
 * @param settings each knob with its value, as the library's documentation names it
 * @param snippet code or configuration to paste; never holds a secret
 */
public record ClientSettings(
    Client client,
    Optional<EnvVar> url,
    List<EnvVar> env,
    List<Setting> settings,
    Optional<String> snippet) {

  public ClientSettings {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(snippet, "snippet");
    env = List.copyOf(env);
    settings = List.copyOf(settings);
  }

  /**
   * The same settings with {@code edit} applied to every value and display: how unset variables'
   * placeholders become <code>${NAME}</code> again.
   */
  public ClientSettings mapText(UnaryOperator<String> edit) {
    return new ClientSettings(
        client,
        url.map(v -> v.mapText(edit)),
        env.stream().map(v -> v.mapText(edit)).toList(),
        settings.stream()
            .map(s -> new Setting(s.name(), edit.apply(s.value()), s.numeric()))
            .toList(),
        snippet.map(edit));
  }

  /** The connection URL with its password masked: safe for plans, logs and CI output. */
  public Optional<String> maskedUrl() {
    return url.map(EnvVar::display);
  }
}
