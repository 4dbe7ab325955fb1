package dev.timmy.journal;

/** The journal could not be read or written; says what was being done and what SQLite said. */
public final class JournalException extends RuntimeException {
  public JournalException(String doing, Throwable cause) {
    super("journal: cannot " + doing + ": " + cause.getMessage(), cause);
  }

  public JournalException(String message) {
    super(message);
  }
}
