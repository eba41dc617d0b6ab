package dev.poolcalc.cli;

import dev.poolcalc.report.CheckedFile;

/** Every exit code poolcalc returns, in one place (README.md, "Exit codes"). */
public final class ExitCode {

  /** The command did what was asked; the plan fits. */
  public static final int OK = 0;

  /** The check failed: the plan does not fit, or an audit found drift. */
  public static final int CHECK_FAILED = 1;

  /** Invalid input or usage: bad YAML, bad flag, missing file, missing variable. */
  public static final int INVALID_INPUT = 2;

  /** The database server could not be reached. */
  public static final int UNREACHABLE = 3;

  /** A file could not be written (permission denied, no space left): the disk, not the input. */
  public static final int WRITE_FAILED = 4;

  /** A bug in poolcalc itself; the message asks for --debug. */
  public static final int INTERNAL_ERROR = 70;

  private ExitCode() {}

  /** One file's {@code check} result: invalid input, a failed check, or ok. */
  static int of(CheckedFile result) {
    if (result.report().isEmpty()) {
      return INVALID_INPUT;
    }
    return result.passed() ? OK : CHECK_FAILED;
  }
}
