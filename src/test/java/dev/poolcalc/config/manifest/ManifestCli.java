package dev.poolcalc.config.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcalc.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Runs poolcalc in-process, as a user would, and keeps what it printed. */
final class ManifestCli {

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out + err, e);
      }
    }

    /** The app of that name in the JSON plan. */
    JsonNode app(String name) {
      for (JsonNode app : json().get("apps")) {
        if (app.get("name").asText().equals(name)) {
          return app;
        }
      }
      throw new AssertionError("no app " + name + " in " + out);
    }
  }

  private ManifestCli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            dev.poolcalc.cli.Context.system(), new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result plan(String file) {
    return run("plan", file, "--format", "json");
  }
}
