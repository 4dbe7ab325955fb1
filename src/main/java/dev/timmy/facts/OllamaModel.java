package dev.timmy.facts;

import java.time.Instant;

/** A model Ollama has; {@code loaded} with its VRAM and expiry when it is in memory. */
public record OllamaModel(
    String name, ModelRole role, long sizeBytes, boolean loaded, long vramBytes, Instant expiresAt) {}
