package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.Harness;
import dev.timmy.config.TimmyConfig;
import dev.timmy.journal.Given;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Timmy per journal, in one process (the crash suite starts two processes). */
class JournalLockTest {
  @TempDir Path dir;

  @Test
  void a_second_service_on_the_same_journal_refuses_to_start_and_names_the_first() throws Exception {
    TimmyConfig config = Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules"));
    ServeOptions options = ServeOptions.defaults().clock(new Given.Clock(Given.NOW));
    try (Service first = Service.assemble(config, Harness.secrets(), options)) {
      ServiceException e = assertThrows(ServiceException.class, () -> Service.assemble(config, Harness.secrets(), options));
      String said = e.getMessage();
      assertTrue(said.contains("is in use by another Timmy (pid " + ProcessHandle.current().pid() + " on host "), said);
      assertTrue(said.contains(" since " + Given.NOW), said);
      assertTrue(said.contains(dir.resolve("timmy.db.lock").toString()), said);
    }
    try (Service again = Service.assemble(config, Harness.secrets(), options)) {
      assertTrue(Files.exists(JournalLock.fileFor(dir.resolve("timmy.db"))), "closing released the lock, the file stays");
    }
  }

  @Test
  void another_journal_is_another_lock() throws Exception {
    ServeOptions options = ServeOptions.defaults();
    try (Service a = Service.assemble(Harness.demoConfig(dir.resolve("a.db"), Path.of("rules")), Harness.secrets(), options);
        Service b = Service.assemble(Harness.demoConfig(dir.resolve("b.db"), Path.of("rules")), Harness.secrets(), options)) {
      assertNotEquals(a.journal().file(), b.journal().file());
      assertTrue(Files.exists(dir.resolve("a.db.lock")) && Files.exists(dir.resolve("b.db.lock")));
    }
  }

  @Test
  void a_lock_file_left_by_a_killed_timmy_does_not_stop_the_next_one() throws Exception {
    Path db = dir.resolve("timmy.db");
    Files.writeString(JournalLock.fileFor(db), "4242 hermes 2026-11-30T08:00:00Z"); // the OS lock died with its process
    try (JournalLock lock = JournalLock.acquire(db, java.time.InstantSource.system())) {
      assertTrue(Files.readString(lock.file()).startsWith(ProcessHandle.current().pid() + " "), "the holder rewrote it");
    }
  }
}
