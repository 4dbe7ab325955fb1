/**
 * What Timmy observed, as immutable records. No Drools, HTTP or JSON here: every other package
 * speaks in these nouns. Time is a fact ({@link dev.timmy.facts.Clock}) so decisions replay.
 * Record components never start with {@code is} (Drools misreads them, see TECH-NOTES).
 */
package dev.timmy.facts;
