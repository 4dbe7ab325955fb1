package dev.timmy.facts;

/** Which side of a piece of work a {@link WorkRecord} counts: its kind (bug, feature…) or its area (ci, docs…). */
public enum WorkFacet {
  KIND,
  AREA
}
