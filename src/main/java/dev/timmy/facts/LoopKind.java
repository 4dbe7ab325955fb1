package dev.timmy.facts;

/** How an automation loop shows it is alive. */
public enum LoopKind { CRON, HEARTBEAT, HTTP, CI, PROCESS, SERVICE }
