package dev.poolcalc.cli;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a set of files into one directory all or none. Each file is written to a temporary file
 * beside it, created with mode 0600 (it holds a password), flushed to disk, and renamed into place;
 * if any step fails, every file already renamed is put back as it was.
 */
final class EnvFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path dir;
  private final boolean force;
  private final List<Path> createdDirs = new ArrayList<>();
  private final List<Path> temps = new ArrayList<>();
  private final List<Path> backups = new ArrayList<>();

  private EnvFiles(Path dir, boolean force) {
    this.dir = dir;
    this.force = force;
  }

  /**
   * Writes {@code contents} (file name → text) into {@code dir}, creating it if needed.
   *
   * @return the paths written, in order
   * @throws InvalidInputException when a target exists without {@code force}, or any write fails;
   *     then nothing has changed on disk
   */
  static List<Path> writeAll(Path dir, Map<String, String> contents, boolean force)
      throws InvalidInputException {
    return new EnvFiles(dir, force).write(contents);
  }

  private List<Path> write(Map<String, String> contents) throws InvalidInputException {
    List<Path> targets = new ArrayList<>();
    for (String name : contents.keySet()) {
      targets.add(dir.resolve(name));
    }
    refuseExisting(targets);
    List<Path> staged = new ArrayList<>();
    int renamed = 0;
    Path current = dir;
    try {
      createDirectories();
      for (Map.Entry<String, String> entry : contents.entrySet()) {
        current = dir.resolve(entry.getKey());
        staged.add(stage(entry.getKey(), entry.getValue()));
      }
      for (Path target : targets) {
        backups.add(force ? backup(target) : null);
      }
      for (int i = 0; i < targets.size(); i++) {
        current = targets.get(i);
        Files.move(staged.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE);
        temps.remove(staged.get(i));
        renamed++;
      }
    } catch (IOException | UnsupportedOperationException e) {
      rollBack(targets, renamed);
      throw new InvalidInputException(
          Problem.inFile(
              current.toString(), "cannot write: " + reason(e) + "; nothing was written"));
    }
    cleanUp();
    syncDirectory();
    return targets;
  }

  private void refuseExisting(List<Path> targets) throws InvalidInputException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException(
          Problem.inFile(dir.toString(), "is not a directory; give --out-dir a directory"));
    }
    if (force) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    for (Path target : targets) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(
            Problem.inFile(
                target.toString(),
                "already exists; nothing was written (pass --force to replace it)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Creates the directory and any missing parents, remembering them to remove on failure. */
  private void createDirectories() throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      createdDirs.add(0, p);
    }
  }

  /** The content in a 0600 temporary file beside its target, flushed to disk. */
  private Path stage(String name, String content) throws IOException {
    Path temp = createPrivateTemp("." + name + ".", ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    return temp;
  }

  /** A copy of an existing target (mode included) to restore if a later file fails. */
  private Path backup(Path target) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path copy = createPrivateTemp("." + target.getFileName() + ".", ".bak");
    Files.copy(
        target,
        copy,
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.COPY_ATTRIBUTES,
        LinkOption.NOFOLLOW_LINKS);
    return copy;
  }

  private Path createPrivateTemp(String prefix, String suffix) throws IOException {
    Path temp;
    try {
      FileAttribute<Set<PosixFilePermission>> mode =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      temp = Files.createTempFile(dir, prefix, suffix, mode);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): restrict to the owner as far as it allows.
      temp = Files.createTempFile(dir, prefix, suffix);
      var file = temp.toFile();
      file.setReadable(false, false);
      file.setWritable(false, false);
      file.setReadable(true, true);
      file.setWritable(true, true);
    }
    temps.add(temp);
    return temp;
  }

  /** Puts back what the first {@code renamed} targets were: the old file, or nothing. */
  private void rollBack(List<Path> targets, int renamed) {
    for (int i = renamed - 1; i >= 0; i--) {
      Path backup = i < backups.size() ? backups.get(i) : null;
      try {
        if (backup != null) {
          Files.move(backup, targets.get(i), StandardCopyOption.ATOMIC_MOVE);
          backups.set(i, null);
        } else {
          Files.deleteIfExists(targets.get(i));
        }
      } catch (IOException e) {
        // Keep rolling back the others; the error already reported says the write failed.
      }
    }
    cleanUp();
    for (Path created : createdDirs) {
      try {
        Files.deleteIfExists(created);
      } catch (IOException e) {
        // Not empty or not ours any more: leave it.
      }
    }
  }

  private void cleanUp() {
    List<Path> leftovers = new ArrayList<>(temps);
    for (Path backup : backups) {
      if (backup != null) {
        leftovers.add(backup);
      }
    }
    for (Path p : leftovers) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // A stray temporary file is harmless and 0600.
      }
    }
    temps.clear();
    backups.clear();
  }

  /** Makes the renames durable; where a directory cannot be opened, the OS does it later. */
  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Best effort only.
    }
  }

  private static String reason(Exception e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
