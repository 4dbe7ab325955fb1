package dev.timmy.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** -Dtimmy.requireSpec=true (set by .ci/run) turns a missing spec from a skip into a failure. */
class SwaggerSpecTest {
  @Test
  void a_missing_spec_skips_unless_it_is_required_then_it_fails(@TempDir Path tmp) throws Exception {
    List<Path> none = List.of(tmp.resolve("absent.json"));
    assertThrows(TestAbortedException.class, () -> SwaggerSpec.find(none, false));
    AssertionError e = assertThrows(AssertionError.class, () -> SwaggerSpec.find(none, true));
    assertTrue(e.getMessage().contains("required: -Dtimmy.requireSpec=true"), e.getMessage());
    Path spec = Files.writeString(tmp.resolve("spec.json"), "{}");
    assertEquals(spec, SwaggerSpec.find(List.of(tmp.resolve("absent.json"), spec), true));
  }
}
