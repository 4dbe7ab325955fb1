package dev.timmy.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.timmy.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads scenario files ({@code *.yml}, {@code *.yaml}). Strict, unlike the shared mapper: an
 * unknown or repeated field is an error, so a typo cannot silently weaken a test. Every error
 * says {@code file:line:column}, the place in the document ({@code given.issues[2]}) and what
 * was expected.
 */
public final class ScenarioLoader {
  private static final ObjectReader READER = reader();

  private ScenarioLoader() {}

  public static Scenario load(Path file) throws ScenarioException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException(file, 0, 0, "cannot read: " + e, e);
    }
    if (text.isBlank()) throw new ScenarioException(file, 0, 0, "empty file: expected note, given and expect", null);
    ScenarioSpec spec;
    try {
      spec = READER.readValue(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ScenarioException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          words(e).replaceAll("\\s+", " ").strip() + place(e), e);
    }
    if (spec == null) throw new ScenarioException(file, 0, 0, "no document: expected note, given and expect", null);
    return new Scenario(file, spec.note().strip(), spec.given().snapshot(), spec.expect().all());
  }

  /** Every scenario file under {@code dir}, at any depth, in path order. */
  public static List<Path> find(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
          .sorted().toList();
    }
  }

  private static ObjectReader reader() {
    ObjectMapper yaml = Json.yaml().copy();
    yaml.setConfig(yaml.getDeserializationConfig().with(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS));
    return yaml.readerFor(ScenarioSpec.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private static String words(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'; expected one of " + u.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return "'" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
    }
    if (e instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' cannot be read as " + f.getTargetType().getSimpleName();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException y) {
        return "not valid YAML: " + (y.getContext() == null ? "" : y.getContext() + ", ") + y.getProblem();
      }
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage();
    }
    return e.getOriginalMessage();
  }

  private static String place(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) return "";
    StringBuilder at = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (at.length() > 0) at.append('.');
        at.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        at.append('[').append(r.getIndex()).append(']');
      }
    }
    return at.length() == 0 ? "" : " (at " + at + ")";
  }
}
