package dev.timmy.facts;

/** One mounted file system. */
public record Disk(String mount, long total, long free) {
  public double freeFraction() {
    return total <= 0 ? 1 : (double) free / total;
  }

  /** True when {@code path} (absolute, normalized) lies on or below this mount point. */
  public boolean holds(String path) {
    if (path == null) return false;
    if (mount.equals("/")) return path.startsWith("/");
    return path.equals(mount) || path.startsWith(mount.endsWith("/") ? mount : mount + "/");
  }
}
