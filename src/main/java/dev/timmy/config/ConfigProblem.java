package dev.timmy.config;

/** One thing wrong with the configuration, where it is. {@code line} is 0 when unknown. */
public record ConfigProblem(String file, int line, String key, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    return key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
  }
}
