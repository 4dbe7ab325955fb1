/**
 * The only package that knows Drools. {@link dev.timmy.decide.RuleBook} compiles {@code rules/*.drl}
 * from disk; {@link dev.timmy.decide.Evaluation} puts a snapshot before them and returns a
 * {@link dev.timmy.decide.Decision} in which every item names the rule and the facts behind it.
 *
 * <p>Records here fall in two groups: what rules insert ({@code Check}, {@code ScorePart},
 * {@code RouteScore}, {@code Ineligible}, {@code Proposal}, {@code Veto}, {@code Escalation}) and
 * what Java inserts between the firings ({@code Ranked}, {@code Chosen}); and what the
 * rest of Timmy reads ({@code Decision} and its {@code *Item} records).
 */
package dev.timmy.decide;
