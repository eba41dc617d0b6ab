package dev.poolcalc.render;

import dev.poolcalc.engine.Status;

/** ANSI colour for a terminal, or plain text when piped, redirected or NO_COLOR is set. */
public enum Style {
  PLAIN,
  COLOR;

  private static final String RESET = "\u001B[0m";

  String status(Status status, String text) {
    return switch (status) {
      case OK -> paint("\u001B[32m", text);
      case WARNING -> paint("\u001B[33m", text);
      case ERROR -> paint("\u001B[31m", text);
    };
  }

  String bold(String text) {
    return paint("\u001B[1m", text);
  }

  String dim(String text) {
    return paint("\u001B[2m", text);
  }

  private String paint(String code, String text) {
    return this == COLOR && !text.isEmpty() ? code + text + RESET : text;
  }
}
