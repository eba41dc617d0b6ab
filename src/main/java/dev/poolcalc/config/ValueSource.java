package dev.poolcalc.config;

import java.util.Objects;

/**
 * Where a value the plan uses was read when the deployment file did not write it: a manifest's line
 * and the field there, such as {@code HorizontalPodAutoscaler/web spec.maxReplicas}, so explain and
 * JSON can show it.
 *
 * @param field what was read at that place, in the manifest's own terms; it says "default" when the
 *     value is the product's default because the field is absent
 */
public record ValueSource(SourceLocation location, String field) {

  public ValueSource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(field, "field");
  }

  @Override
  public String toString() {
    return location + " (" + field + ")";
  }
}
