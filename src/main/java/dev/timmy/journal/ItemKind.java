package dev.timmy.journal;

/** The kinds of decision item the journal keeps, one per {@code *Item} record of a Decision. */
public enum ItemKind { PRIORITY, ROUTE, CHECK, ESCALATION, PROPOSAL }
