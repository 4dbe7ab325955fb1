package dev.timmy.journal;

/** A cycle is RUNNING until it ends OK or FAILED (a failed cycle acted on nothing). */
public enum CycleStatus { RUNNING, OK, FAILED }
