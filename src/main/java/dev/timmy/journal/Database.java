package dev.timmy.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file in WAL mode: readers (the API) never wait for the writer (the cycle). Writes are
 * serialised here, each in one transaction, on one kept connection; reads borrow a connection
 * from a few kept idle ones (a connection is used by one thread at a time). Opening a connection
 * (the file, then its pragmas) cost more than the statements: a 10k-issue cycle journals thousands
 * of actions. A connection that saw an error is closed, never reused.
 */
final class Database {
  /** A piece of work on a connection. */
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Idle read connections kept at most: the API's threads beyond it open and close their own. */
  private static final int IDLE_READERS = 8;

  private final Path file;
  private final SQLiteDataSource source;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private Connection writer;

  Database(Path file) {
    this.file = file;
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
  }

  Path file() {
    return file;
  }

  <T> T read(String doing, Work<T> work) {
    Connection c = null;
    try {
      c = borrow();
      T result = work.apply(c);
      giveBack(c);
      return result;
    } catch (SQLException e) {
      discard(c);
      throw new JournalException(doing + " in " + file, e);
    } catch (RuntimeException | Error e) {
      discard(c);
      throw e;
    }
  }

  synchronized <T> T write(String doing, Work<T> work) {
    try {
      if (writer == null) {
        writer = source.getConnection();
        writer.setAutoCommit(false);
      }
      try {
        T result = work.apply(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackAndDrop();
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalException(doing + " in " + file, e);
    }
  }

  private void rollbackAndDrop() {
    Connection c = writer;
    writer = null;
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is closed below either way; the transaction goes with it.
    }
    discard(c);
  }

  private Connection borrow() throws SQLException {
    Connection c = idle.poll();
    return c != null ? c : source.getConnection();
  }

  private void giveBack(Connection c) {
    if (idle.size() < IDLE_READERS) idle.offer(c);
    else discard(c);
  }

  private static void discard(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing more to do with a connection that cannot even close.
    }
  }

  /** Prepares {@code sql} with its arguments: instants as epoch millis, enums by name. */
  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    bind(s, args);
    return s;
  }

  /** Binds {@code args} to a prepared statement, the same way. */
  static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) s.setLong(i + 1, t.toEpochMilli());
      else if (a instanceof Enum<?> e) s.setString(i + 1, e.name());
      else if (a instanceof Boolean b) s.setInt(i + 1, b ? 1 : 0);
      else s.setObject(i + 1, a);
    }
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  /** Inserts one row and returns its id ({@code last_insert_rowid()} of this connection). */
  static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      s.executeUpdate();
    }
    try (var s = c.createStatement(); var r = s.executeQuery("SELECT last_insert_rowid()")) {
      r.next();
      return r.getLong(1);
    }
  }
}
