package dev.timmy.scenarios;

import java.nio.file.Path;

/** A scenario file that cannot be read as a scenario; says where ({@code file:line:column}) and what was expected. */
public final class ScenarioException extends Exception {
  private final Path file;
  private final int line;

  public ScenarioException(Path file, int line, int column, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 0 when the parser gave no place. */
  public int line() {
    return line;
  }
}
