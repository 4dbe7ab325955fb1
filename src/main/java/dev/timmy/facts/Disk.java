package dev.timmy.facts;

/** One mounted file system. */
public record Disk(String mount, long total, long free) {
  public double freeFraction() {
    return total <= 0 ? 1 : (double) free / total;
  }
}
