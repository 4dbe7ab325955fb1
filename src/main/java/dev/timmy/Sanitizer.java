package dev.timmy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Text from outside (issue titles, comments, labels, logins, rule files) made safe for a terminal:
 * escape sequences (CSI such as ESC[2J, OSC such as OSC 52 that writes the clipboard), every other
 * control character (CR, BEL, backspace, C1), and the bidirectional overrides and isolates that
 * make a line read otherwise than it is, are removed. Newlines and tabs stay. The one sanitizer of
 * Timmy: the CLI reports and serve's notes go through it.
 */
public final class Sanitizer {
  /** CSI (ESC [ … final, or the 8-bit CSI), OSC (ESC ] … BEL or ST), and two-character escapes. */
  private static final Pattern ESCAPES = Pattern.compile(
      "(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]?"
          + "|(?:\\u001B\\]|\\u009D)[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)?"
          + "|\\u001B[ -~]?");
  /** Other controls (but newline and tab), DEL, C1, bidi embeddings/overrides/isolates/marks, line and paragraph separators. */
  private static final Pattern CONTROLS = Pattern.compile(
      "[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u061C\\u2028\\u2029]");

  private Sanitizer() {}

  /** {@code text} without escape sequences or control characters; newlines and tabs kept; null stays null. */
  public static String terminal(String text) {
    if (text == null || text.isEmpty()) return text;
    return CONTROLS.matcher(ESCAPES.matcher(text).replaceAll("")).replaceAll("");
  }

  /** {@code text} cleaned and on one line (newlines and tabs become spaces), cut to {@code max} characters. */
  public static String clip(String text, int max) {
    if (text == null) return null;
    String one = terminal(text).replace('\n', ' ').replace('\t', ' ');
    return one.length() <= max ? one : one.substring(0, max) + "…";
  }

  /** A stream that writes {@code target} one cleaned line at a time (whatever was printed into it, in any pieces). */
  public static PrintStream stream(PrintStream target) {
    return new PrintStream(new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') emit();
      }

      /** A partial line waits for its end (an escape sequence may be split across writes); close emits it. */
      @Override
      public synchronized void close() {
        emit();
      }

      private void emit() {
        if (line.size() == 0) return;
        target.print(terminal(line.toString(StandardCharsets.UTF_8)));
        target.flush();
        line.reset();
      }
    }, true, StandardCharsets.UTF_8);
  }
}
