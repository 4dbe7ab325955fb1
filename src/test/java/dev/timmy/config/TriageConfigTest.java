package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The triage: section: off by default, needs the house, every bad key named with its line. */
class TriageConfigTest {
  private static final String BASE = """
      owner: {login: alex}
      agents: [{name: kimi, kind: KIMI, login: kimi-code}]
      gitea: {baseUrl: "http://127.0.0.1:3000", repos: [alex/app]}
      """;

  @Test
  void triage_is_off_without_a_section() throws Exception {
    TimmyConfig c = TimmyConfig.parse(BASE, "timmy.yml");
    assertFalse(c.triage().enabled());
    assertEquals(2, c.triage().callsPerCycle());
  }

  @Test
  void triage_on_without_a_house_is_refused_with_its_line() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> TimmyConfig.parse(BASE + "triage:\n  enabled: true\n", "timmy.yml"));
    assertTrue(e.getMessage().contains("timmy.yml:5: triage.enabled: expected a house: section"), e.getMessage());
  }

  @Test
  void a_typo_and_a_bad_value_are_both_named() {
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.parse(BASE
        + "house: {}\ntriage:\n  enabled: true\n  callsPerHuor: 5\n  timeoutSeconds: 0\n", "timmy.yml"));
    assertTrue(e.getMessage().contains("timmy.yml:7: triage.callsPerHuor: unknown key (did you mean callsPerHour?)"), e.getMessage());
    assertTrue(e.getMessage().contains("timmy.yml:8: triage.timeoutSeconds: expected 1..3600, found 0"), e.getMessage());
  }
}
