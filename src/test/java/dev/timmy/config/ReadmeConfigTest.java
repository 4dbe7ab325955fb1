package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The timmy.yml shown in the README is a valid configuration, so the README stays true. */
class ReadmeConfigTest {
  @Test
  void the_readme_example_configuration_validates() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```yaml\\n(owner:.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README.md has a ```yaml block starting with owner:");
    TimmyConfig c = TimmyConfig.parse(m.group(1), "README.md");
    assertFalse(c.demoMode());
    assertEquals("alex", c.owner().login());
    assertEquals(2, c.agents().size());
    assertEquals("squash", c.gitea().mergeMethod());
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    assertTrue(m.group(1).contains("rulesDir: rules"), "the example shows where the rules are: service.rulesDir");
    assertEquals("rules", c.service().rulesDir());
  }
}
