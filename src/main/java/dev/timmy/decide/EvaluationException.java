package dev.timmy.decide;

/** An evaluation that produced no decision (a runaway rule, an exception in a consequence). */
public class EvaluationException extends RuntimeException {
  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }

  public EvaluationException(String message) {
    super(message);
  }
}
