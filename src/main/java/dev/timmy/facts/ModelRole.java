package dev.timmy.facts;

/** What a local model is for: FAST (small, kept warm) or COMPLEX (large, loaded on demand). */
public enum ModelRole { FAST, COMPLEX, OTHER }
