package dev.timmy.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CycleTriggerTest {
  static final long MS = 1_000_000;

  @Test
  void a_burst_fires_once_after_it_has_been_quiet() {
    CycleTrigger.Debounce d = new CycleTrigger.Debounce(Duration.ofMillis(200), Duration.ofSeconds(2));
    d.signal(0);
    d.signal(50 * MS);
    assertEquals(250 * MS, d.signal(50 * MS));
    assertFalse(d.fire(249 * MS));
    assertTrue(d.fire(250 * MS));
    assertFalse(d.fire(300 * MS), "fires once per burst");
  }

  @Test
  void a_steady_stream_still_fires_by_the_maximum_delay() {
    CycleTrigger.Debounce d = new CycleTrigger.Debounce(Duration.ofMillis(200), Duration.ofSeconds(1));
    long due = 0;
    for (long t = 0; t <= 1500 * MS; t += 100 * MS) {
      due = d.signal(t);
      if (d.fire(t)) {
        assertEquals(1000 * MS, t, "the first burst fires at first + maxDelay");
        return;
      }
    }
    throw new AssertionError("never fired; last due " + due);
  }

  @Test
  void nothing_is_due_before_any_event() {
    CycleTrigger.Debounce d = new CycleTrigger.Debounce(Duration.ofMillis(10), Duration.ofMillis(10));
    assertEquals(Long.MAX_VALUE, d.due());
    assertFalse(d.fire(Long.MAX_VALUE - 1));
  }

  @Test
  void twenty_webhooks_in_a_burst_run_one_cycle() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ran = new CountDownLatch(1);
    try (CycleTrigger trigger = new CycleTrigger(Duration.ofMillis(100), Duration.ofSeconds(5), () -> {
      runs.incrementAndGet();
      ran.countDown();
    })) {
      for (int i = 0; i < 20; i++) trigger.signal();
      assertTrue(ran.await(5, TimeUnit.SECONDS), "the burst triggered a cycle");
      Thread.sleep(300);
      assertEquals(1, runs.get());
      trigger.signal();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (runs.get() < 2 && System.nanoTime() < until) Thread.sleep(20);
      assertEquals(2, runs.get(), "a later event is a new burst");
    }
  }
}
