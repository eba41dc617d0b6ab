package dev.poolcalc.config;

/** A place in an input file, 1-based, as editors and compilers count. */
public record SourceLocation(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
