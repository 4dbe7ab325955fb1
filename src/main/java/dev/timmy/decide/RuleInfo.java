package dev.timmy.decide;

/** A compiled rule: its {@code @id}, {@code @title}, name and where it is written. */
public record RuleInfo(String id, String title, String name, String file, int line) {}
