package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.manifest.ManifestImport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code poolcalc import}: a draft deployment file from the manifests that deploy the apps. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Draft a deployment file from manifests: one app for every Kubernetes Deployment and"
          + " StatefulSet, Compose service and PM2 app they hold, each reading its counts with"
          + " from:, and a database section to fill in. Once max_connections is filled in, the"
          + " draft plans as it is.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  helm template shop ./chart > rendered.yaml",
      "  poolcalc import rendered.yaml > deployment.yaml",
      "  poolcalc import k8s/rendered.yaml compose.yaml --dir deploy > deploy/poolcalc.yaml",
      "  kustomize build overlays/prod > prod.yaml && poolcalc import prod.yaml",
      "",
      "Exit status: 0 the draft was printed, 2 a manifest could not be read (file:line:col)."
    })
final class ImportCommand implements Callable<Integer> {

  @Mixin Io io;

  @Parameters(
      arity = "1..*",
      paramLabel = "MANIFEST",
      description =
          "Kubernetes YAML (helm template or kustomize build output), a Compose file or a PM2"
              + " ecosystem file (JSON or YAML).")
  List<String> manifests;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "The folder the deployment file will be kept in: from: paths are written relative to"
              + " it (default: the working directory).",
      defaultValue = ".")
  Path dir;

  @Override
  public Integer call() throws InvalidInputException {
    io.print(ManifestImport.draft(manifests, dir));
    return ExitCode.OK;
  }
}
