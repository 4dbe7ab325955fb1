/**
 * Acting inside hard limits. {@link dev.timmy.act.Authority} (one {@link dev.timmy.act.Guard} per
 * cycle) refuses what no rule may lift; {@link dev.timmy.act.Executor} routes each action kind to
 * its {@link dev.timmy.act.Target}, dry-run by default, and never repeats an action whose key is
 * done (journal) or whose effect is present (live check).
 */
package dev.timmy.act;
