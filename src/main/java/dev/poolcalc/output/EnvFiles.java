package dev.poolcalc.output;

import dev.poolcalc.config.InvalidInputException;
import dev.poolcalc.config.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
 * beside it, created with mode 0600 (it holds a password), flushed to disk, and put in place:
 * without {@code force} by a hard link, which fails if the target exists, so two runs racing into
 * one folder cannot both win; with {@code force} by an atomic rename over the old file. If any step
 * fails, every file already placed is put back as it was. A folder it creates is 0700 whatever the
 * umask; one that another run created in the meantime is used, not taken for a target.
 */
public final class EnvFiles {

  private static final String EXISTS =
      "already exists; nothing was written (pass --force to replace it)";

  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

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
   * @throws InvalidInputException when a target exists without {@code force}; nothing has changed
   * @throws WriteFailedException when a write fails; then nothing has changed on disk
   */
  public static List<Path> writeAll(Path dir, Map<String, String> contents, boolean force)
      throws InvalidInputException, WriteFailedException {
    return new EnvFiles(dir, force).write(contents);
  }

  private List<Path> write(Map<String, String> contents)
      throws InvalidInputException, WriteFailedException {
    List<Path> targets = new ArrayList<>();
    for (String name : contents.keySet()) {
      targets.add(dir.resolve(name));
    }
    refuseExisting(targets);
    List<Path> staged = new ArrayList<>();
    int placed = 0;
    Path current = dir;
    try {
      createDirectories();
      for (Map.Entry<String, String> entry : contents.entrySet()) {
        current = dir.resolve(entry.getKey());
        staged.add(stage(entry.getKey(), entry.getValue()));
      }
      for (Path target : targets) {
        current = target;
        backups.add(force ? backup(target) : null);
      }
      for (int i = 0; i < targets.size(); i++) {
        current = targets.get(i);
        if (!place(staged.get(i), current)) {
          // Another run created it after refuseExisting looked: refuse as if it had been there.
          rollBack(targets, placed);
          throw new InvalidInputException(Problem.inFile(current.toString(), EXISTS));
        }
        placed++;
      }
    } catch (IOException | UnsupportedOperationException e) {
      rollBack(targets, placed);
      throw new WriteFailedException(current.toString(), e);
    }
    cleanUp();
    syncDirectory();
    return targets;
  }

  /**
   * Puts a staged file in place. Without force a hard link publishes it only if the target does not
   * exist, atomically; where links are not supported the content is copied into a file created
   * exclusively.
   *
   * @return false when, without force, the target exists
   */
  private boolean place(Path staged, Path target) throws IOException {
    if (force) {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      temps.remove(staged);
      return true;
    }
    try {
      Files.createLink(target, staged);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | FileSystemException e) {
      try {
        Files.copy(staged, target); // opens the target with O_EXCL
      } catch (FileAlreadyExistsException exists) {
        return false;
      }
    }
    Files.delete(staged);
    temps.remove(staged);
    return true;
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
        problems.add(Problem.inFile(target.toString(), EXISTS));
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
      try {
        try {
          Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (UnsupportedOperationException e) {
          Files.createDirectory(p);
        }
      } catch (FileAlreadyExistsException e) {
        if (Files.isDirectory(p)) {
          continue; // another run made it first: use it, and leave it to that run
        }
        throw e;
      }
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

  /** Puts back what the first {@code placed} targets were: the old file, or nothing. */
  private void rollBack(List<Path> targets, int placed) {
    for (int i = placed - 1; i >= 0; i--) {
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
}
