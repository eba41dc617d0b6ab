package dev.poolcalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolcalc.conformance.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's .pre-commit-hooks.yaml run by the real pre-commit (Debian's package; .ci/run
 * installs it) on a temporary git repository, with the packaged jar as the poolcalc on the PATH.
 */
class PreCommitIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  record Run(int exitCode, String out) {}

  private static Run run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private static boolean answers(String... command) {
    try {
      return run(ROOT, Map.of(), command).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void git(Path dir, Map<String, String> env, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Run r = run(dir, env, command);
    assertThat(r.exitCode()).as(r.out()).isZero();
  }

  @Test
  void hookFailsTheCommitWhosePlanDoesNotFit(@TempDir Path dir) throws Exception {
    Requirement.require(
        answers("pre-commit", "--version"), "pre-commit", "apt-get install pre-commit");
    Requirement.require(answers("git", "--version"), "git", "apt-get install git");
    Map<String, String> env =
        Map.of(
            "PRE_COMMIT_HOME", dir.resolve("cache").toString(),
            "HOME", dir.toString(),
            "GIT_AUTHOR_NAME", "t",
            "GIT_AUTHOR_EMAIL", "t@example.invalid",
            "GIT_COMMITTER_NAME", "t",
            "GIT_COMMITTER_EMAIL", "t@example.invalid",
            "PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    // poolcalc on the PATH: the packaged jar.
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path poolcalc =
        Files.writeString(
            bin.resolve("poolcalc"),
            "#!/bin/sh\nexec java -jar '" + ROOT.resolve("target/poolcalc.jar") + "' \"$@\"\n");
    Files.setPosixFilePermissions(poolcalc, PosixFilePermissions.fromString("rwxr-xr-x"));
    // The hook repository: this repository's .pre-commit-hooks.yaml, committed.
    Path hooks = Files.createDirectory(dir.resolve("hooks"));
    Files.copy(ROOT.resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
    git(hooks, env, "init", "-q");
    git(hooks, env, "add", ".");
    git(hooks, env, "commit", "-q", "-m", "hooks");
    String rev = run(hooks, env, "git", "rev-parse", "HEAD").out().trim();
    // The user's repository with two deployment files under deploy/.
    Path repo = Files.createDirectory(dir.resolve("repo"));
    Path deploy = Files.createDirectories(repo.resolve("deploy"));
    Files.copy(ROOT.resolve("examples/scenario-3-optimized.yaml"), deploy.resolve("fits.yaml"));
    Files.writeString(
        repo.resolve(".pre-commit-config.yaml"),
        "repos:\n  - repo: "
            + hooks
            + "\n    rev: "
            + rev
            + "\n    hooks:\n"
            + "      - id: poolcalc-check\n");
    git(repo, env, "init", "-q");
    git(repo, env, "add", ".");

    Run fits = run(repo, env, "pre-commit", "run", "--all-files");
    Files.copy(
        ROOT.resolve("examples/scenario-2-scaled-out.yaml"), deploy.resolve("scaled-out.yaml"));
    git(repo, env, "add", ".");
    Run fails = run(repo, env, "pre-commit", "run", "--all-files");

    assertThat(fits.exitCode()).as(fits.out()).isZero();
    assertThat(fits.out()).contains("poolcalc check").contains("Passed");
    assertThat(fails.exitCode()).as(fails.out()).isEqualTo(1);
    assertThat(fails.out())
        .contains("FAIL  deploy/scaled-out.yaml  status error")
        .contains("PASS  deploy/fits.yaml  status ok");
  }
}
