package dev.timmy.observe.triage;

/** Untrusted text made safe to show and store: no control characters but newlines and tabs. */
final class Text {
  private Text() {}

  static String clean(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      boolean control = Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT;
      if (!control || c == '\n' || c == '\t') out.appendCodePoint(c);
    });
    return out.toString();
  }

  /** One line, at most {@code max} characters (cut at a code point). */
  static String line(String s, int max) {
    String one = clean(s).replaceAll("\\s+", " ").strip();
    if (one.codePointCount(0, one.length()) <= max) return one;
    return one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
  }
}
