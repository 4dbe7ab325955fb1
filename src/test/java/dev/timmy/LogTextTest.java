package dev.timmy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Timmy's own logback.xml, in a context of its own, with stderr captured. */
class LogTextTest {
  @Test
  void a_title_with_escapes_and_newlines_reaches_the_text_log_as_one_clean_line() throws Exception {
    String out = logged("text", "nudged alex/app#1 \"\u001B[2J\u001B]52;c;cm0gLXJmIH4=\u0007Fix\nINFO fake line\u009B31m\"");
    String[] lines = out.split("\n");
    assertEquals(1, lines.length, out);
    assertTrue(lines[0].contains("nudged alex/app#1 \"Fix⏎INFO fake line\""), lines[0]);
    assertFalse(out.contains("\u001B") || out.contains("\u009B") || out.contains("\u0007"), out);
  }

  @Test
  void the_json_format_escapes_the_same_title_inside_one_json_line() throws Exception {
    String out = logged("json", "title \u001B[2Jx\ny");
    assertEquals(1, out.split("\n").length, out);
    assertFalse(out.contains("\u001B"), out);
  }

  private static String logged(String format, String message) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    System.setProperty("timmy.log.format", format);
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator joran = new JoranConfigurator();
      joran.setContext(context);
      joran.doConfigure(LogTextTest.class.getResource("/logback.xml"));
      context.getLogger("dev.timmy.test").info(message);
    } finally {
      context.stop();
      System.setErr(err);
      System.clearProperty("timmy.log.format");
    }
    String out = captured.toString(StandardCharsets.UTF_8).strip();
    if (out.isEmpty()) throw new AssertionError("nothing logged; status: " + context.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() > 0).toList());
    return out;
  }
}
