package dev.poolcalc.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --hold SECONDS}: a whole number of seconds, 0 or more. */
final class HoldSecondsConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number of seconds");
    }
    if (seconds < 0) {
      throw new TypeConversionException("--hold must be 0 or more seconds (got " + seconds + ")");
    }
    return Duration.ofSeconds(seconds);
  }
}
