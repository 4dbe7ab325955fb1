package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.act.ActionCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two vocabularies of codes are one list each in Java, and openapi.yaml lists exactly them. */
class CodesInTheSpecTest {
  private final OpenApiDoc spec = new OpenApiDoc();

  private List<String> specEnum(String schema) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : spec.doc.at("/components/schemas/" + schema + "/enum")) out.add(v.asText());
    return out;
  }

  @Test
  void openapi_lists_every_api_error_code_and_no_other() {
    assertEquals(Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).toList(), specEnum("ErrorCode"));
    assertEquals("#/components/schemas/ErrorCode",
        spec.doc.at("/components/schemas/ApiError/properties/code/$ref").asText(), "ApiError.code is the enum");
  }

  @Test
  void openapi_lists_every_action_code_and_no_other() {
    assertEquals(Arrays.stream(ActionCode.values()).map(ActionCode::wire).toList(), specEnum("ActionCode"));
    assertEquals("#/components/schemas/ActionCode",
        spec.doc.at("/components/schemas/ActionRow/properties/code/allOf/0/$ref").asText(), "ActionRow.code is the enum");
  }
}
