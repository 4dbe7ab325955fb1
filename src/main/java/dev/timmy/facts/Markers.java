package dev.timmy.facts;

/** The hidden marker Timmy puts in everything it writes, so a write is never repeated. */
public final class Markers {
  private Markers() {}

  public static String of(String actionKey) {
    return "<!-- timmy:" + actionKey + " -->";
  }
}
