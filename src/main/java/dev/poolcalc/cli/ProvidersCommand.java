package dev.poolcalc.cli;

import dev.poolcalc.providers.Catalog;
import dev.poolcalc.providers.Provider;
import dev.poolcalc.providers.UnknownNameException;
import dev.poolcalc.render.CatalogRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code poolcalc providers}: what the catalog knows of managed PostgreSQL, with its sources. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "List the managed-PostgreSQL catalog: each provider's sizes, their max_connections, the"
          + " slots the provider keeps back, and where each number was read.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcalc providers",
      "  poolcalc providers aws-rds",
      "  poolcalc providers neon --format json | jq '.providers[0].instances[].max_connections'",
      "",
      "Exit status: 0 ok, 2 unknown provider or bad option."
    })
final class ProvidersCommand implements Callable<Integer> {

  enum Format {
    table,
    json
  }

  @Mixin Io io;

  @Parameters(
      arity = "0..1",
      paramLabel = "PROVIDER",
      description = "One provider, such as aws-rds.")
  String provider;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Override
  public Integer call() {
    Catalog catalog = Catalog.builtIn();
    if (provider == null) {
      io.print(
          format == Format.json
              ? CatalogRenderer.json(catalog, catalog.providers())
              : CatalogRenderer.table(catalog));
      return ExitCode.OK;
    }
    Provider p;
    try {
      p = catalog.provider(provider);
    } catch (UnknownNameException e) {
      String unverified = catalog.unverifiedProviders().get(provider);
      throw new ParameterException(
          io.spec.commandLine(),
          unverified != null
              ? "provider "
                  + provider
                  + " has no verified numbers in the catalog yet; its limits"
                  + " are on "
                  + unverified
              : "provider " + e.getMessage());
    }
    io.print(
        format == Format.json
            ? CatalogRenderer.json(catalog, List.of(p))
            : CatalogRenderer.table(p));
    return ExitCode.OK;
  }
}
