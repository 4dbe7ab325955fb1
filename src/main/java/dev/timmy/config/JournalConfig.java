package dev.timmy.config;

/** The {@code journal:} section: the SQLite file and how many days of cycles it keeps. */
public record JournalConfig(String path, int retentionDays) {
  public static JournalConfig defaults() {
    return new JournalConfig("timmy.db", 30);
  }
}
