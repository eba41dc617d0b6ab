package dev.poolcalc.config;

/**
 * How large an input may be, so that an absurd file or scalar is refused with a message before it
 * costs memory. A file is refused by its size before it is read; a line before the YAML is parsed
 * (SnakeYAML's scanner copies its window once per 1,024 characters of a token, so one megabyte-long
 * token churns through gigabytes); a key or a value once it is read.
 *
 * @param keyChars the longest key, in characters
 * @param valueChars the longest scalar value, in characters
 * @param lineChars the longest line, in characters
 */
public record InputLimits(int keyChars, int valueChars, int lineChars) {

  /** The largest file poolcalc reads: a 100,000-app deployment is about 5 MB. */
  public static final int FILE_BYTES = 64 << 20;

  /** Deployment files and the files they include: keys are names, values are names and URLs. */
  public static final InputLimits DEPLOYMENT = new InputLimits(1 << 10, 64 << 10, 128 << 10);

  /**
   * Manifests ({@code from:}): rendered charts may carry a ConfigMap of up to Kubernetes' own 1 MiB
   * object limit on one line, which poolcalc never reads but must get past.
   */
  public static final InputLimits MANIFEST = new InputLimits(1 << 10, 1 << 20, (1 << 20) + 1024);

  /** The file cap as people write it: "64 MiB". */
  static String fileCapText() {
    return (FILE_BYTES >> 20) + " MiB";
  }
}
