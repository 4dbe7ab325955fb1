package dev.timmy.facts;

/** Memory, swap and CPU of the host at snapshot time. {@code cpuLoad} is 0..1 (-1 unknown). */
public record HostMetrics(
    String hostname, String os, long memTotal, long memAvailable, long swapTotal, long swapUsed,
    double cpuLoad, int cpus) {

  /** Fraction of memory in use, 0..1. */
  public double memUsedFraction() {
    return memTotal <= 0 ? 0 : 1.0 - (double) memAvailable / memTotal;
  }
}
