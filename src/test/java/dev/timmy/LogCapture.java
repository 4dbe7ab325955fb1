package dev.timmy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The events one class logs while a test runs; close it to detach. */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

  private LogCapture(Class<?> of) {
    logger = (Logger) LoggerFactory.getLogger(of);
    seen.start();
    logger.addAppender(seen);
  }

  public static LogCapture of(Class<?> logging) {
    return new LogCapture(logging);
  }

  /** The ERROR events so far. */
  public List<ILoggingEvent> errors() {
    return seen.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
  }

  /** Every event so far. */
  public List<ILoggingEvent> events() {
    return List.copyOf(seen.list);
  }

  @Override
  public void close() {
    logger.detachAppender(seen);
  }
}
