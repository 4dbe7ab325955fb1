package dev.timmy.facts;

import java.time.Instant;

/** A cleanup candidate found under a configured root (never behind a symlink). */
public record StaleFile(String root, String path, long sizeBytes, Instant modifiedAt, boolean openByProcess) {}
