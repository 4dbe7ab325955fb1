package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one way back from a subject to its name: every house subject the rules may write, hostile ones included. */
class SubjectsTest {
  /** Names that are no name: after any prefix they make the parser answer empty. */
  static final List<String> NO_NAMES = List.of("", " ", "\t", "ci\n", "ci\r", "\u001b[2Jci", "c\u0000i", "ci\u007f", "ci\u0085",
      "ci\u202e", "c\u200bi", "ci\u2028", "\u2066ci\u2069", "ci\ufeff");

  @Test
  void each_builder_and_its_parser_are_inverse() {
    assertEquals(Optional.of("ci-main"), Subjects.loopName(Subjects.loop("ci-main")));
    assertEquals(Optional.of("qwen3:14b"), Subjects.modelName(Subjects.model("qwen3:14b")), "a model name keeps its colons");
    assertEquals(Optional.of("/home/alex/tmp/old build.log"), Subjects.filePath(Subjects.file("/home/alex/tmp/old build.log")),
        "a path keeps its spaces");
    assertEquals(Optional.of("claude"), Subjects.agentName(Subjects.agent("claude")));
    assertEquals(OptionalLong.of(4242), Subjects.pid(Subjects.process(4242)));
    assertEquals(OptionalLong.of(Long.MAX_VALUE / 10), Subjects.pid(Subjects.process(Long.MAX_VALUE / 10)));
  }

  @Test
  void another_prefix_or_none_is_not_the_subject_asked_for() {
    for (String subject : new String[] {null, "", "host", "alex/app#1", "disk:/", "LOOP:ci", " loop:ci", "loopci", "agent:ci",
        "model", "file", "process"}) {
      assertEquals(Optional.empty(), Subjects.loopName(subject), String.valueOf(subject));
      assertEquals(Optional.empty(), Subjects.modelName(subject), String.valueOf(subject));
      assertEquals(Optional.empty(), Subjects.filePath(subject), String.valueOf(subject));
      assertEquals(OptionalLong.empty(), Subjects.pid(subject), String.valueOf(subject));
    }
    assertEquals(Optional.empty(), Subjects.agentName("loop:ci"));
  }

  @Test
  void a_prefix_alone_a_blank_name_and_control_or_invisible_characters_are_no_name() {
    List<Function<String, Optional<String>>> parsers = List.of(Subjects::loopName, Subjects::modelName, Subjects::filePath,
        Subjects::agentName);
    List<String> prefixes = List.of("loop:", "model:", "file:", "agent:");
    for (int k = 0; k < parsers.size(); k++) {
      for (String name : NO_NAMES) {
        String subject = prefixes.get(k) + name;
        assertEquals(Optional.empty(), parsers.get(k).apply(subject), "«" + subject.replace("\u001b", "ESC") + "»");
      }
    }
  }

  @Test
  void a_pid_is_ascii_digits_that_fit_a_long_and_nothing_else() {
    assertEquals(OptionalLong.of(7), Subjects.pid("process:007"), "leading zeros are the same pid");
    assertEquals(OptionalLong.of(0), Subjects.pid("process:0"), "a number: whether it may be stopped is the target's to say");
    assertEquals(OptionalLong.of(999_999_999_999_999_999L), Subjects.pid("process:999999999999999999"));
    for (String hostile : new String[] {"process:", "process:abc", "process:-1", "process:+5", "process: 5", "process:5 ",
        "process:5\n", "process:1e3", "process:0x10", "process:\u0661\u0662", "process:\uff15", "process:12-3",
        "process:9223372036854775807", "process:99999999999999999999999999", "process:" + "9".repeat(100_000)}) {
      assertEquals(OptionalLong.empty(), Subjects.pid(hostile), hostile.length() > 60 ? "a 100 000-digit pid" : hostile);
    }
  }
}
