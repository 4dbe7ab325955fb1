package dev.timmy.decide;

/** A classified condition as shown in an explanation checklist (✔ or ✘). */
public record CheckItem(String subject, String name, boolean ok, String detail, String ruleId, String title) {}
