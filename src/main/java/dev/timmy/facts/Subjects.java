package dev.timmy.facts;

/** How a backlog item is named everywhere: {@code owner/repo#N}; an agent is {@code agent:<name>}. */
public final class Subjects {
  private Subjects() {}

  public static String of(String repo, int number) {
    return repo + "#" + number;
  }

  /** How an agent is named as a subject of checks and explanations: {@code agent:<name>}. */
  public static String agent(String name) {
    return "agent:" + name;
  }

  /** The repository part of {@code owner/repo#N}. */
  public static String repo(String subject) {
    int hash = subject.lastIndexOf('#');
    if (hash < 0) throw new IllegalArgumentException("not a subject (owner/repo#N): " + subject);
    return subject.substring(0, hash);
  }

  /** The number part of {@code owner/repo#N}. */
  public static int number(String subject) {
    int hash = subject.lastIndexOf('#');
    if (hash < 0) throw new IllegalArgumentException("not a subject (owner/repo#N): " + subject);
    return Integer.parseInt(subject.substring(hash + 1));
  }
}
