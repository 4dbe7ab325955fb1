package dev.timmy.facts;

/**
 * The hidden marker Timmy puts at the end of everything it writes, so a write is never repeated.
 * {@link TimmyNote} reads it back; nothing else looks for these strings.
 */
public final class Markers {
  static final String OPEN = "<!-- timmy:";
  static final String CLOSE = " -->";

  private Markers() {}

  public static String of(String actionKey) {
    return OPEN + actionKey + CLOSE;
  }
}
