package dev.poolcalc.cli;

import dev.poolcalc.config.InputSchema;
import dev.poolcalc.render.SchemaJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code poolcalc schema}: the JSON Schema of the deployment file, made from the key table the
 * reader uses, for editors (yaml-language-server) and other checkers.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print a JSON Schema (2020-12) of the deployment file, for editor completion and checks.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc schema > poolcalc.schema.json",
      "  # then, first line of deploy.yaml:",
      "  # yaml-language-server: $schema=./poolcalc.schema.json",
      "",
      "Exit status: 0 printed."
    })
final class SchemaCommand implements Callable<Integer> {

  @Mixin Io io;

  @Override
  public Integer call() {
    io.print(SchemaJson.render(InputSchema.schema()));
    return ExitCode.OK;
  }
}
