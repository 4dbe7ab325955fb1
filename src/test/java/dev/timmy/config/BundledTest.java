package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default rules and demo house travel with Timmy: a newcomer outside the clone can evaluate. */
class BundledTest {
  /** Runs Timmy's CLI as a process in {@code dir}; returns exit code, stdout and stderr. */
  static List<String> run(Path dir, List<String> command) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished within two minutes");
    return List.of(String.valueOf(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  static List<String> timmy(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.timmy.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void evaluate_from_a_directory_without_rules_or_fixtures_uses_the_bundled_ones_and_says_so(@TempDir Path dir)
      throws Exception {
    List<String> r = run(dir, timmy("evaluate"));
    assertEquals("0", r.get(0), r.get(2));
    assertTrue(r.get(2).contains("no rules/ in " + dir.toRealPath() + ": using the rules/ bundled in the jar"), r.get(2));
    assertTrue(r.get(2).contains("using the fixtures/demo/ (demo house) bundled in the jar"), r.get(2));
    assertTrue(r.get(1).contains("alex/"), "the demo backlog is ranked: " + r.get(1));
    assertFalse(Files.exists(dir.resolve("rules")), "nothing is written into the working directory");
  }

  @Test
  void a_directory_on_disk_wins_and_named_directories_are_never_replaced(@TempDir Path dir) {
    // The tests run in the project directory, which has rules/ and fixtures/demo/.
    assertEquals(new Bundled.Located(Path.of("rules"), false), Bundled.rules("rules"));
    assertEquals(new Bundled.Located(Path.of("fixtures/demo"), false), Bundled.fixtures("fixtures/demo"));
    String absent = dir.resolve("my-rules").toString();
    assertEquals(new Bundled.Located(Path.of(absent), false), Bundled.rules(absent), "a named directory is used as named");
  }

  @Test
  void relative_paths_written_in_timmy_yml_are_relative_to_the_file_not_the_working_directory(@TempDir Path dir)
      throws Exception {
    Path file = Files.createDirectories(dir.resolve("etc-timmy")).resolve("timmy.yml");
    Files.writeString(file, "owner: {login: alex}\nagents: [{name: kimi, kind: KIMI, login: kimi-code}]\n"
        + "service: {rulesDir: my-rules, fixturesDir: ../house}\njournal: {path: data/timmy.db}\n");
    TimmyConfig c = TimmyConfig.load(file);
    assertEquals(file.getParent().resolve("my-rules").toString(), c.service().rulesDir());
    assertEquals(dir.resolve("house").toString(), c.service().fixturesDir());
    assertEquals(file.getParent().resolve("data/timmy.db").toString(), c.journal().path());
    Files.writeString(file, "owner: {login: alex}\nagents: [{name: kimi, kind: KIMI, login: kimi-code}]\n");
    TimmyConfig defaults = TimmyConfig.load(file);
    assertEquals("rules", defaults.service().rulesDir(), "left out: the default, where the bundled copy can stand in");
    assertEquals("timmy.db", defaults.journal().path());
  }
}
