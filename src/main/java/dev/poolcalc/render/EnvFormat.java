package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolcalc.clients.EnvVar;
import dev.poolcalc.engine.AppPlan;
import dev.poolcalc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where {@code poolcalc env}'s variables go: a .env file, a Kubernetes Secret, JSON for a script,
 * or {@code export} lines for a POSIX shell. Each format renders the same variables, the real
 * values: this is the one output that shows a password.
 */
public enum EnvFormat {
  DOTENV("dotenv", ".env"),
  K8S_SECRET("k8s-secret", ".yaml"),
  JSON("json", ".json"),
  SHELL("shell", ".sh");

  private static final JsonFactory FACTORY = new JsonFactory();

  private final String key;
  private final String extension;

  EnvFormat(String key, String extension) {
    this.key = key;
    this.extension = extension;
  }

  /** The name given to {@code --format}. */
  public String key() {
    return key;
  }

  /** The file {@code --out-dir} writes for the app. */
  public String fileName(String app) {
    return app + extension;
  }

  /** What one choice of variables looks like for one app. */
  public record Selection(Optional<String> urlVariable, boolean onlyPool) {}

  /** Every chosen app in one text, as printed. */
  public String render(Report report, List<AppPlan> apps, Selection selection) {
    return switch (this) {
      case DOTENV -> {
        List<Dotenv.Block> blocks = new ArrayList<>();
        for (AppPlan app : apps) {
          blocks.add(
              new Dotenv.Block(
                  comments(report, app, selection), variables(report, app, selection)));
        }
        yield EnvText.heading(report.file()) + "\n" + Dotenv.render(blocks);
      }
      case K8S_SECRET -> {
        StringBuilder out = new StringBuilder(EnvText.heading(report.file()));
        for (AppPlan app : apps) {
          out.append("---\n").append(secret(app, variables(report, app, selection)));
        }
        yield out.toString();
      }
      case JSON -> json(report, apps, selection);
      case SHELL -> {
        StringBuilder out = new StringBuilder(EnvText.heading(report.file()));
        for (AppPlan app : apps) {
          out.append('\n').append(shell(report, app, selection));
        }
        yield out.toString();
      }
    };
  }

  /** One app's file for {@code --out-dir}. */
  public String file(Report report, AppPlan app, Selection selection) {
    return switch (this) {
      case DOTENV ->
          EnvText.heading(report.file())
              + Dotenv.render(
                  new Dotenv.Block(
                      comments(report, app, selection), variables(report, app, selection)));
      case K8S_SECRET ->
          EnvText.heading(report.file()) + secret(app, variables(report, app, selection));
      case JSON -> object(variables(report, app, selection));
      case SHELL -> EnvText.heading(report.file()) + shell(report, app, selection);
    };
  }

  /** The app's arithmetic, and a word when --only-pool leaves it nothing to set. */
  private static List<String> comments(Report report, AppPlan app, Selection selection) {
    List<String> comments = new ArrayList<>(Dotenv.header(report.plan(), app));
    if (selection.onlyPool() && variables(report, app, selection).isEmpty()) {
      comments.add(
          app.name()
              + " reads its pool settings from its connection URL: --only-pool leaves nothing"
              + " to set");
    }
    return comments;
  }

  private static List<EnvVar> variables(Report report, AppPlan app, Selection selection) {
    List<EnvVar> all = report.env(app.name(), selection.urlVariable());
    return selection.onlyPool() ? all.stream().filter(EnvVar::pool).toList() : all;
  }

  private static String shell(Report report, AppPlan app, Selection selection) {
    StringBuilder out = new StringBuilder();
    for (String comment : comments(report, app, selection)) {
      out.append("# ").append(comment.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    for (EnvVar v : variables(report, app, selection)) {
      out.append("export ").append(v.name()).append('=').append(shellQuote(v.value()));
      out.append('\n');
    }
    return out.toString();
  }

  /** POSIX single quotes: nothing inside is special; a ' itself closes, escapes and reopens. */
  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * A v1 Secret whose stringData holds the variables; the name is the app's, lowercased with '_'
   * and '.' as '-', so it is a valid Kubernetes object name.
   */
  private static String secret(AppPlan app, List<EnvVar> variables) {
    StringBuilder out = new StringBuilder();
    out.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ")
        .append(secretName(app.name()))
        .append("\n  labels:\n    app.kubernetes.io/name: ")
        .append(jsonString(app.name()))
        .append("\n    app.kubernetes.io/managed-by: poolcalc\ntype: Opaque\nstringData:");
    if (variables.isEmpty()) {
      out.append(" {}");
    }
    out.append('\n');
    for (EnvVar v : variables) {
      // A JSON string is a YAML double-quoted scalar: every character survives.
      out.append("  ").append(v.name()).append(": ").append(jsonString(v.value())).append('\n');
    }
    return out.toString();
  }

  static String secretName(String app) {
    String name = app.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    name = name.replaceAll("^-+", "").replaceAll("-+$", "");
    return (name.isEmpty() ? "app" : name) + "-db";
  }

  private static String json(Report report, List<AppPlan> apps, Selection selection) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      json.writeStartObject();
      for (AppPlan app : apps) {
        json.writeObjectFieldStart(app.name());
        for (EnvVar v : variables(report, app, selection)) {
          json.writeStringField(v.name(), v.value());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static String object(List<EnvVar> variables) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      json.writeStartObject();
      for (EnvVar v : variables) {
        json.writeStringField(v.name(), v.value());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static String jsonString(String value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
