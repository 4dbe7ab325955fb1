package dev.timmy.scenarios;

/** A scenario file as written: a note, what is given, what is expected. */
record ScenarioSpec(String note, GivenSpec given, ExpectSpec expect) {
  ScenarioSpec {
    Defaults.require(note != null && !note.isBlank(), "a scenario needs a note saying why it exists");
    Defaults.require(given != null, "a scenario needs given");
    Defaults.require(expect != null, "a scenario needs expect");
  }
}
