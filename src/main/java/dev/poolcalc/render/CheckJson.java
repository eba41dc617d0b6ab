package dev.poolcalc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolcalc.config.Problem;
import dev.poolcalc.engine.Overrun;
import dev.poolcalc.engine.Remedy;
import dev.poolcalc.report.CheckedFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code poolcalc check --format json}: the overall verdict, then per file its status, which app
 * holds the most of an overflow, what would fit, and the plan object of {@code plan --format json}.
 */
public final class CheckJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CheckJson() {}

  public static String render(List<CheckedFile> files, boolean strict) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(JsonRenderer.prettyPrinter());
      json.writeStartObject();
      json.writeStringField("status", CheckedFile.worstStatus(files));
      json.writeBooleanField("passed", files.stream().allMatch(CheckedFile::passed));
      json.writeBooleanField("strict", strict);
      json.writeArrayFieldStart("files");
      for (CheckedFile file : files) {
        writeFile(json, file);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static void writeFile(JsonGenerator json, CheckedFile file) throws IOException {
    json.writeStartObject();
    json.writeStringField("file", file.file());
    json.writeStringField("status", file.statusLabel());
    json.writeBooleanField("passed", file.passed());
    if (file.report().isEmpty()) {
      json.writeArrayFieldStart("problems");
      for (Problem p : file.problems()) {
        json.writeStartObject();
        if (p.location().isPresent()) {
          json.writeNumberField("line", p.location().get().line());
          json.writeNumberField("column", p.location().get().column());
        }
        json.writeStringField("message", p.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      return;
    }
    if (file.advice().overrun().isPresent()) {
      writeOverrun(json, file.advice().overrun().get());
    }
    json.writeArrayFieldStart("suggestions");
    for (Remedy r : file.advice().remedies()) {
      json.writeStartObject();
      json.writeStringField("change", r.kind().name().toLowerCase(Locale.ROOT));
      if (r.name().isPresent()) {
        json.writeStringField(r.kind().onPooler() ? "pooler" : "app", r.name().get());
      }
      if (r.size().isPresent()) {
        json.writeStringField("provider", r.size().get().provider());
        json.writeStringField("from_instance", r.size().get().from());
        json.writeStringField("to_instance", r.size().get().to());
        json.writeBooleanField("upper_bound", r.size().get().upperBound());
      }
      json.writeNumberField("from", r.from());
      json.writeNumberField("to", r.to());
      json.writeNumberField("total_connections", r.totalAfter());
      json.writeNumberField("budget", r.budgetAfter());
      json.writeStringField("message", FitText.remedy(r));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeFieldName("plan");
    JsonRenderer.write(json, file.report().get(), false);
    json.writeEndObject();
  }

  private static void writeOverrun(JsonGenerator json, Overrun o) throws IOException {
    json.writeObjectFieldStart("overrun");
    json.writeStringField(o.pooler() ? "pooler" : "app", o.app());
    json.writeNumberField("app_connections", o.appConnections());
    json.writeNumberField("total_connections", o.total());
    json.writeStringField("line", o.line().name().toLowerCase(Locale.ROOT));
    json.writeNumberField("limit", o.limit());
    json.writeNumberField("excess", o.excess());
    json.writeStringField("message", FitText.overrun(o));
    json.writeEndObject();
  }
}
