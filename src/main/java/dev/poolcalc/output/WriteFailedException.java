package dev.poolcalc.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A file could not be written: the disk, not the input, is at fault, so it has an exit code of its
 * own (4). The message names the file and says why, as the operating system put it.
 */
public final class WriteFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Prints as {@code file: error: cannot write: reason; nothing was written}. */
  public WriteFailedException(String file, Exception cause) {
    super(
        file + ": error: cannot write: " + reason(cause) + "; nothing was written",
        null,
        false,
        false);
  }

  /** Why an I/O operation failed, in the operating system's words: "permission denied". */
  static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "a directory is in the way";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    if (e instanceof IOException && e.getMessage() != null) {
      return e.getMessage().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
