/**
 * The derive stage of the pipeline (observe → derive → decide → act → journal): {@link
 * dev.timmy.derive.Derive#from} turns an observed {@link dev.timmy.facts.Snapshot} into the one the
 * rules see, with the facts Java counts for them (agents' loads, the work in flight, the agents'
 * records). Pure functions of the observed facts, no I/O, so a journaled snapshot derives again to
 * the same facts. Depends on {@code facts} only.
 */
package dev.timmy.derive;
