package dev.timmy.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file in WAL mode: readers (the API) never wait for the writer (the cycle). A
 * connection per call keeps it thread-safe without a pool; writes are serialised here and run in
 * one transaction each.
 */
final class Database {
  /** A piece of work on a connection. */
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private final Path file;
  private final SQLiteDataSource source;

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
    try (Connection c = source.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new JournalException(doing + " in " + file, e);
    }
  }

  synchronized <T> T write(String doing, Work<T> work) {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalException(doing + " in " + file, e);
    }
  }

  /** Prepares {@code sql} with its arguments: instants as epoch millis, enums by name. */
  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) s.setLong(i + 1, t.toEpochMilli());
      else if (a instanceof Enum<?> e) s.setString(i + 1, e.name());
      else if (a instanceof Boolean b) s.setInt(i + 1, b ? 1 : 0);
      else s.setObject(i + 1, a);
    }
    return s;
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
