package dev.timmy.observe.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.timmy.LogCapture;
import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.facts.LoopKind;
import dev.timmy.host.RestartLedger;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A source that meets a failure of the world reports a gap with its message; one that meets a bug
 * (a runtime exception of Timmy's code) reports a gap naming the bug's class, and logs it once
 * with its stack and the cycle id.
 */
class BugsAreNotGapsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private final LoopSpec ci = new LoopSpec("ci-main", LoopKind.CI, 0, null, null, null, "alex/app", "main", List.of(), null);
  private final LoopProbe probe = new LoopProbe(List.of(ci), new OkHttpClient(), Duration.ofSeconds(2),
      new RestartLedger(Duration.ofHours(6)));

  @Test
  void a_runtime_exception_in_a_source_is_one_error_with_its_stack_and_a_gap_naming_its_class() {
    CiStatus.Source broken = (repo, branch) -> {
      throw new NullPointerException("Cannot invoke \"String.length()\" because \"sha\" is null");
    };
    try (LogCapture log = LogCapture.of(LoopProbe.class); MDC.MDCCloseable tagged = MDC.putCloseable("cycle", "7")) {
      LoopReading r = probe.read(NOW, List.of(), broken);
      assertEquals(List.of("loop ci-main: bug: NullPointerException in LoopProbe (loop ci-main): Cannot invoke"
          + " \"String.length()\" because \"sha\" is null"), r.gaps());
      assertEquals(1, log.errors().size(), log.events().toString());
      ILoggingEvent bug = log.errors().get(0);
      assertEquals(NullPointerException.class.getName(), bug.getThrowableProxy().getClassName());
      assertTrue(bug.getThrowableProxy().getStackTraceElementProxyArray().length > 0, "the stack is kept");
      assertEquals("7", bug.getMDCPropertyMap().get("cycle"));
      assertTrue(bug.getFormattedMessage().startsWith("bug: NullPointerException in LoopProbe"), bug.getFormattedMessage());
    }
  }

  @Test
  void an_io_failure_in_a_source_is_a_gap_with_its_message_and_no_stack() {
    CiStatus.Source down = (repo, branch) -> {
      throw new IOException("gitea.local: connection refused");
    };
    try (LogCapture log = LogCapture.of(LoopProbe.class)) {
      LoopReading r = probe.read(NOW, List.of(), down);
      assertEquals(List.of("loop ci-main: gitea.local: connection refused"), r.gaps());
      assertEquals(List.of(), log.errors());
      assertTrue(log.events().stream().allMatch(e -> e.getThrowableProxy() == null), log.events().toString());
    }
  }

  @Test
  void an_unchecked_io_failure_is_the_worlds_too() {
    CiStatus.Source down = (repo, branch) -> {
      throw new java.io.UncheckedIOException(new IOException("disk gone"));
    };
    try (LogCapture log = LogCapture.of(LoopProbe.class)) {
      assertEquals(List.of("loop ci-main: java.io.IOException: disk gone"), probe.read(NOW, List.of(), down).gaps());
      assertEquals(List.of(), log.errors());
    }
    assertNull(MDC.get("cycle"));
  }
}
