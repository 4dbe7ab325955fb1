package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cd /tmp && java -jar …/timmy.jar evaluate}: the built jar carries its rules and demo house. */
class BundledJarIT {
  static final Path JAR = Path.of("target/timmy.jar").toAbsolutePath();

  static List<String> jar(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void the_jar_evaluates_and_explains_from_another_directory_with_its_bundled_rules_and_demo(@TempDir Path dir)
      throws Exception {
    assertTrue(Files.isRegularFile(JAR), "built by package: " + JAR);
    List<String> r = BundledTest.run(dir, jar("evaluate"));
    assertEquals("0", r.get(0), r.get(2));
    assertTrue(r.get(2).contains("using the rules/ bundled in the jar"), r.get(2));
    assertTrue(r.get(1).contains("alex/"), r.get(1));
    List<String> x = BundledTest.run(dir, jar("explain", "model:qwen3:14b", "--json"));
    assertEquals("0", x.get(0), x.get(2));
    assertTrue(x.get(1).strip().startsWith("{"), "JSON on stdout, the note on stderr: " + x.get(1));
  }

  @Test
  void the_jar_serves_the_bundled_demo_from_another_directory_and_says_so(@TempDir Path dir) throws Exception {
    Process p = new ProcessBuilder(jar("serve", "--port", "0")).directory(dir.toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder said = new StringBuilder();
      for (String line; (line = out.readLine()) != null && !line.contains("is unset"); ) said.append(line).append('\n');
      assertTrue(said.toString().startsWith("Timmy listening on http://127.0.0.1:"), said + Files.readString(dir.resolve("err.txt")));
      assertTrue(said.toString().contains("using the rules/ bundled in the jar"), said.toString());
      assertTrue(said.toString().contains("using the fixtures/demo/ (demo house) bundled in the jar"), said.toString());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    }
  }
}
