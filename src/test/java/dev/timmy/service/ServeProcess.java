package dev.timmy.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code serve} as a real child process, on this test run's classpath, its output in files. */
final class ServeProcess {
  private ServeProcess() {}

  /** Starts {@code serve --config CONFIG --port 0 [--live]}; stdout and stderr go to {@code run-N.out/.err}. */
  static Process start(Path dir, Path config, int run, boolean live) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "dev.timmy.Main", "serve", "--config", config.toString(),
        "--port", "0");
    if (live) pb.command().add("--live");
    pb.redirectOutput(dir.resolve("run-" + run + ".out").toFile()).redirectError(dir.resolve("run-" + run + ".err").toFile());
    pb.environment().put("TIMMY_GITEA_TOKEN", "crash-test-token");
    pb.environment().remove("TIMMY_ADMIN_TOKEN");
    return pb.start();
  }

  /** What run {@code run} printed, for a failure message. */
  static String said(Path dir, int run) {
    try {
      return Files.readString(dir.resolve("run-" + run + ".out")) + Files.readString(dir.resolve("run-" + run + ".err"));
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }
}
