package dev.timmy.decide;

/**
 * The whole action vocabulary. Deleting a repository, spending money and changing strategy are
 * not here: there is no way to propose them.
 */
public enum ActionKind {
  ADD_LABEL, REMOVE_LABEL, COMMENT, ASSIGN, UNASSIGN, CLOSE, MERGE, CREATE_ISSUE, ESCALATE,
  LOAD_MODEL, UNLOAD_MODEL, DELETE_FILE, STOP_PROCESS, RESTART_LOOP, DELETE_BRANCH;

  /** Actions that cannot be undone by a label or a comment; never taken from a partial snapshot. */
  public boolean destructive() {
    return switch (this) {
      case CLOSE, MERGE, DELETE_FILE, STOP_PROCESS, DELETE_BRANCH, UNASSIGN, UNLOAD_MODEL -> true;
      default -> false;
    };
  }
}
