package dev.poolcalc.cli;

import dev.poolcalc.clients.EnvVar;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code env --var NAME}: a name a shell and a .env file both accept. */
final class VariableNameConverter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    if (!EnvVar.validName(value)) {
      throw new TypeConversionException(
          "\""
              + value
              + "\" is not a variable name: use letters, digits and '_', not starting with a"
              + " digit");
    }
    return value;
  }
}
