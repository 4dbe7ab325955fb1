package dev.timmy.service;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * One Timmy per journal: an operating-system lock ({@link FileChannel#tryLock}) on
 * {@code <journal>.lock} beside the journal, held while the service runs. The operating system
 * releases it when the process ends however it ends (exit, SIGKILL), so a crash never leaves a
 * stale lock behind; the file itself stays and only says who held it last: {@code pid host start}.
 * A second service on the same journal, in this process or another, is refused and told who
 * holds it.
 */
public final class JournalLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private JournalLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code journal}: the same folder, the journal's name plus {@code .lock}. */
  public static Path fileFor(Path journal) {
    Path abs = journal.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".lock");
  }

  /** Takes the lock of {@code journal} or says, in one sentence, which Timmy holds it. */
  public static JournalLock acquire(Path journal, InstantSource clock) throws ServiceException {
    Path file = fileFor(journal);
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another service in this very process
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new ServiceException(List.of("journal.path: " + journal + " is in use by another Timmy ("
            + holder + "; lock " + file + "): two instances on one journal would both act; stop the other one or"
            + " give this one its own journal.path"));
      }
      String me = ProcessHandle.current().pid() + " " + host() + " " + clock.instant();
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new JournalLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ServiceException(List.of("journal.path: cannot lock " + file + ": " + e.getMessage()));
    }
  }

  public Path file() {
    return file;
  }

  /** Releases the lock (the file stays, naming its last holder). Closing twice does nothing. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    }
    closeQuietly(channel);
  }

  /** {@code pid N on host H since T}, read from the holder's lock file; what is unreadable says so. */
  static String holder(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(512);
    int n = channel.read(buf, 0);
    String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
    String[] parts = text.split(" ");
    if (parts.length != 3 || !parts[0].matches("\\d{1,19}")) {
      return "holder unknown: the lock file says \"" + text.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
    String since;
    try {
      since = Instant.parse(parts[2]).toString();
    } catch (RuntimeException e) {
      since = "an unreadable time";
    }
    return "pid " + parts[0] + " on host " + parts[1].replaceAll("\\p{Cntrl}", "?") + " since " + since;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replace(' ', '_');
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
