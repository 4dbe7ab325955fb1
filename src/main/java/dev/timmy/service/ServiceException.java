package dev.timmy.service;

import java.util.List;

/** Timmy will not serve: every reason found, each saying what was expected and what was found. */
public final class ServiceException extends Exception {
  private final List<String> problems;

  public ServiceException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
