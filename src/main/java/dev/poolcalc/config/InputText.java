package dev.poolcalc.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input file as strict UTF-8, refusing one larger than {@link InputLimits#FILE_BYTES}
 * before reading it (a regular file by its size, a pipe after that many bytes).
 */
public final class InputText {

  private InputText() {}

  /** The file is larger than poolcalc reads; {@code bytes} is its size, or -1 for a stream. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long bytes;

    TooLargeException(long bytes) {
      super("larger than " + InputLimits.fileCapText(), null);
      this.bytes = bytes;
    }

    /** What to say after the file's name: "is 70000000 bytes, more than the 64 MiB …". */
    public String reason() {
      String size = bytes < 0 ? "is larger than" : "is " + bytes + " bytes, more than";
      return size + " the " + InputLimits.fileCapText() + " poolcalc reads from one file";
    }
  }

  /** Reads {@code file}; a file that is not UTF-8 is a {@link CharacterCodingException}. */
  public static String read(Path file) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) > InputLimits.FILE_BYTES) {
      throw new TooLargeException(Files.size(file));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Reads {@code in} to its end, or refuses once it passes the cap. */
  public static String read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(InputLimits.FILE_BYTES + 1);
    if (bytes.length > InputLimits.FILE_BYTES) {
      throw new TooLargeException(-1);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
