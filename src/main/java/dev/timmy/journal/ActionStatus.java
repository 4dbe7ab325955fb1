package dev.timmy.journal;

/**
 * Where an action stands. A live action is written {@code INTENDED} before acting and gets its
 * outcome after; an {@code INTENDED} row found at start means Timmy stopped in between, and it is
 * re-checked on live state ({@code DONE} if the effect is there, else {@code INTERRUPTED}).
 */
public enum ActionStatus {
  INTENDED, DONE, SKIPPED_ALREADY_DONE, FAILED, REFUSED, WOULD_DO, INTERRUPTED;

  /** Statuses that mean an attempt reached the target (what the operations budget counts). */
  public boolean attempted() {
    return this == DONE || this == FAILED || this == WOULD_DO;
  }
}
