/**
 * Acting inside hard limits. {@link dev.timmy.act.Authority} (one {@link dev.timmy.act.Guard} per
 * cycle) refuses what no rule may lift; {@link dev.timmy.act.Executor} routes each action kind to
 * its {@link dev.timmy.act.Target}, dry-run by default, and never repeats an action whose key is
 * done (journal) or whose effect is present (live check). A target that will not act throws
 * {@link dev.timmy.act.ActionRefused} (journaled REFUSED); any other error is a FAILED write, which
 * the circuit breaker counts. {@link dev.timmy.act.Escalations} turns the rules' escalations into
 * ESCALATE actions, so telling Alex passes the same guard and budgets.
 */
package dev.timmy.act;
