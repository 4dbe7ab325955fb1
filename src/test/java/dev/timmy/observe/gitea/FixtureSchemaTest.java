package dev.timmy.observe.gitea;

import dev.timmy.gitea.SwaggerSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every recorded Gitea response in fixtures/demo has the shape its endpoint's swagger schema says. */
class FixtureSchemaTest {
  static final Path GITEA = Path.of("fixtures/demo/gitea");

  /** The endpoint whose 200 response a recorded file holds, from its place in a repo folder. */
  static String endpointOf(Path repoRelative) {
    String first = repoRelative.getName(0).toString();
    return switch (first) {
      case "issues.json", "closed-issues.json" -> "/repos/{owner}/{repo}/issues";
      case "pulls.json", "closed-pulls.json" -> "/repos/{owner}/{repo}/pulls";
      case "comments.json" -> "/repos/{owner}/{repo}/issues/comments";
      case "labels.json" -> "/repos/{owner}/{repo}/labels";
      case "reviews" -> "/repos/{owner}/{repo}/pulls/{index}/reviews";
      case "status" -> "/repos/{owner}/{repo}/commits/{ref}/status";
      case "timeline" -> "/repos/{owner}/{repo}/issues/{index}/timeline";
      default -> throw new AssertionError("no endpoint known for recorded file " + repoRelative);
    };
  }

  @Test
  void every_recorded_response_has_only_properties_of_its_endpoint_schema() throws IOException {
    SwaggerSpec spec = SwaggerSpec.loadOrSkip();
    List<String> problems = new ArrayList<>();
    int files = 0;
    try (Stream<Path> repos = Files.list(GITEA).flatMap(FixtureSchemaTest::children)) {
      for (Path repoDir : repos.toList()) {
        try (Stream<Path> walk = Files.walk(repoDir)) {
          for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            JsonNode schema = spec.responseSchema("get", endpointOf(repoDir.relativize(file)), 200);
            problems.addAll(spec.problems(Json.mapper().readTree(file.toFile()), schema, file.toString()));
            files++;
          }
        }
      }
    }
    assertTrue(files >= 20, "expected the recorded files of three repos, found " + files);
    assertEquals(List.of(), problems);
  }

  @Test
  void the_schema_check_catches_an_unknown_property_and_a_wrong_type() {
    SwaggerSpec spec = SwaggerSpec.loadOrSkip();
    JsonNode bad = Json.mapper().createArrayNode().add(
        Json.mapper().createObjectNode().put("number", "seven").put("colour", "red"));
    List<String> problems = spec.problems(bad, spec.responseSchema("get", "/repos/{owner}/{repo}/issues", 200), "x");
    assertEquals(List.of("x[0].number: expected integer, found STRING", "x[0].colour: not a property of the schema"),
        problems);
  }

  private static Stream<Path> children(Path dir) {
    try {
      return Files.list(dir).filter(Files::isDirectory).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
