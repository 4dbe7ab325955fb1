package dev.timmy.config;

/**
 * The {@code budgets:} section: hard limits the authority enforces whatever the rules propose.
 * The circuit breaker opens after {@code writeErrorsBeforeStop} failed writes in a row and stays
 * open until a write succeeds, or for {@code breakerCoolDownMinutes} after the last failure.
 */
public record BudgetConfig(
    int operationsPerCycle, int commentsPerIssuePerDay, int writeErrorsBeforeStop, int breakerCoolDownMinutes) {

  public static BudgetConfig defaults() {
    return new BudgetConfig(20, 3, 3, 30);
  }
}
