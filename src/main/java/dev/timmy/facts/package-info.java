/**
 * What Timmy observed and what the derive stage counted of it ({@code AgentLoad}, {@code WorkItem},
 * {@code AgentRecord}, {@code WorkRecord}), as immutable records, and the one home of subject
 * names ({@link dev.timmy.facts.Subjects}). No Drools, HTTP or JSON here: every other package
 * speaks in these nouns. Time is a fact ({@link dev.timmy.facts.Clock}) so decisions replay.
 * Record components never start with {@code is} (Drools misreads them, see TECH-NOTES).
 */
package dev.timmy.facts;
