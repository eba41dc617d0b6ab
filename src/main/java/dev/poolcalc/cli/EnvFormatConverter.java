package dev.poolcalc.cli;

import dev.poolcalc.render.EnvFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code env --format} takes the formats' own names, such as k8s-secret, in any case. */
final class EnvFormatConverter implements ITypeConverter<EnvFormat>, Iterable<String> {

  @Override
  public EnvFormat convert(String value) {
    for (EnvFormat f : EnvFormat.values()) {
      if (f.key().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new TypeConversionException(
        "expected one of " + String.join(", ", this) + " but was '" + value + "'");
  }

  /** The names, for help and shell completion. */
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(EnvFormat.values()).map(EnvFormat::key).iterator();
  }
}
