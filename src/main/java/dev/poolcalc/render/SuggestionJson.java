package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolcalc.engine.Plan;
import dev.poolcalc.report.Suggestion;
import dev.poolcalc.report.Suggestion.Change;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code plan --suggest --format json}: one object whose keys the README's "JSON output" section
 * fixes. {@code yaml} is null when there is nothing to paste: the suggestion does not fit, no app
 * has demand, or nothing changes.
 */
public final class SuggestionJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private SuggestionJson() {}

  public static String render(Suggestion suggestion) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      write(json, suggestion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static void write(JsonGenerator json, Suggestion s) throws IOException {
    Plan suggested = s.suggested();
    json.writeStartObject();
    json.writeBooleanField("fits", s.fits());
    json.writeStringField("status", suggested.status().label());
    json.writeNumberField("budget", suggested.budget().budget());
    json.writeStringField("rollouts", suggested.rollouts().key());
    json.writeNumberField("current_total_connections", s.current().totalConnections());
    json.writeNumberField("suggested_total_connections", suggested.totalConnections());
    json.writeNumberField("budget_freed", s.freed());
    if (s.least().isPresent()) {
      json.writeNumberField("least_total_connections", s.least().get().totalConnections());
    } else {
      json.writeNullField("least_total_connections");
    }
    json.writeArrayFieldStart("apps");
    for (Change c : s.apps()) {
      json.writeStartObject();
      json.writeStringField("name", c.name());
      json.writeStringField("rule", c.rule().key());
      json.writeNumberField("current_limit", c.currentLimit());
      json.writeNumberField("suggested_limit", c.suggestedLimit());
      if (c.neededLimit().isPresent()) {
        json.writeNumberField("needed_limit", c.neededLimit().getAsLong());
      } else {
        json.writeNullField("needed_limit");
      }
      json.writeObjectFieldStart("set");
      for (Map.Entry<String, Long> set : c.set().entrySet()) {
        json.writeNumberField(set.getKey(), set.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("remove");
      for (String key : c.remove()) {
        json.writeString(key);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    if (s.pasteable()) {
      json.writeStringField("yaml", SuggestionText.yaml(s));
    } else {
      json.writeNullField("yaml");
    }
    json.writeEndObject();
  }
}
