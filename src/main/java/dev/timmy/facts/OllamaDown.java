package dev.timmy.facts;

/** Ollama could not be reached this cycle: a fact, not a crash. */
public record OllamaDown(String reason) {}
