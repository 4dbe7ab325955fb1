package dev.timmy.facts;

/** The kinds of worker in the house. */
public enum AgentKind { CLAUDE, KIMI, TIMMY, API }
