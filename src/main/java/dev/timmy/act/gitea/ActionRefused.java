package dev.timmy.act.gitea;

import java.io.IOException;

/**
 * The target would not carry a proposal out: a condition checked on live data does not hold
 * (the head moved, CI is not green, the label does not exist). Nothing was written. An
 * IOException so {@code Target.perform} can throw it; callers tell it from a write error by type.
 */
public final class ActionRefused extends IOException {
  public ActionRefused(String reason) {
    super(reason);
  }
}
