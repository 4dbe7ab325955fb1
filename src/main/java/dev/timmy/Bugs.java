package dev.timmy;

import dev.timmy.journal.JournalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;

/**
 * Failures of the world against bugs. A failure of the world (an {@link IOException} such as
 * GiteaException, an {@link UncheckedIOException}, the journal's {@link JournalException}) stays
 * a gap or a refusal that carries its message, without a stack. Any other exception thrown by
 * Timmy's own code is a bug: logged once, at ERROR with its stack trace (the log line carries the
 * cycle id from the MDC), and named by its class in the gap, refusal or outcome where it is
 * contained, so one bug does not stop the cycle and is never mistaken for an outage.
 */
public final class Bugs {
  private Bugs() {}

  /** True for a failure of the world, false for a bug. */
  public static boolean ofTheWorld(Exception e) {
    return e instanceof IOException || e instanceof UncheckedIOException || e instanceof JournalException;
  }

  /**
   * What to say in a gap or refusal about {@code e} met in {@code where}: the world's message, or
   * (a bug, logged here with its stack) {@link #name its name}.
   */
  public static String reason(Logger log, String where, Exception e) {
    if (!ofTheWorld(e)) return contain(log, where, e);
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Logs the bug {@code e} with its stack and returns {@link #name its name}. */
  public static String contain(Logger log, String where, Exception e) {
    String name = name(where, e);
    log.error("{}", name, e); // the log layout makes the message terminal-safe (LogText)
    return name;
  }

  /** {@code bug: NullPointerException in where: message}. */
  public static String name(String where, Exception e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
    return "bug: " + e.getClass().getSimpleName() + " in " + where + message;
  }
}
