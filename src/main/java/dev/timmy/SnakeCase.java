package dev.timmy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A code of a vocabulary (an enum) spelled on the wire as its constant's name in lower case: snake_case. */
public interface SnakeCase {
  String name();

  /** The snake_case name used on the wire, in the journal and in {@code openapi.yaml}. */
  @JsonValue
  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
