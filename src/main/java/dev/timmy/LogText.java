package dev.timmy;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The {@code %safemsg} of Timmy's text log: the message through {@link Sanitizer#terminal} (an
 * issue title with an escape sequence cannot drive the terminal that tails the log) and on one
 * line (a title with a newline cannot forge a log line of its own; a newline shows as {@code ⏎}).
 */
public final class LogText extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String text = Sanitizer.terminal(event.getFormattedMessage());
    return text == null ? "" : text.replace("\r\n", "⏎").replace('\n', '⏎');
  }
}
