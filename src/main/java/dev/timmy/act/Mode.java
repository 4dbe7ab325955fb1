package dev.timmy.act;

/** Whether actions are only recorded ({@code DRY_RUN}, the default) or carried out ({@code LIVE}). */
public enum Mode { DRY_RUN, LIVE }
