package dev.timmy.facts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a backlog item is named everywhere: {@code owner/repo#N}; an agent is {@code agent:<name>}. */
public final class Subjects {
  /** {@code owner/repo}: word characters, dots and dashes; neither part may be {@code .} or {@code ..}. */
  public static final Pattern REPO = Pattern.compile("(?!\\.{1,2}(?![\\w.-]))[\\w.-]+/(?!\\.{1,2}(?![\\w.-]))[\\w.-]+");
  private static final Pattern ITEM = Pattern.compile("(" + REPO.pattern() + ")#0*(\\d{1,9})");

  private Subjects() {}

  public static String of(String repo, int number) {
    return repo + "#" + number;
  }

  /** How an agent is named as a subject of checks and explanations: {@code agent:<name>}. */
  public static String agent(String name) {
    return "agent:" + name;
  }

  /**
   * The one spelling of an item subject, for comparing: {@code owner/repo} in lower case (Gitea's
   * names ignore case) and the number without leading zeros, so {@code Alex/Demo#07} and
   * {@code alex/demo#7} are the same item. Empty when {@code subject} does not name an item.
   */
  public static Optional<String> canonical(String subject) {
    if (subject == null) return Optional.empty();
    Matcher m = ITEM.matcher(subject);
    if (!m.matches()) return Optional.empty();
    int n = Integer.parseInt(m.group(2));
    return n == 0 ? Optional.empty() : Optional.of(m.group(1).toLowerCase(Locale.ROOT) + "#" + n);
  }

  /** True when {@code repo} is a plain {@code owner/repo}. */
  public static boolean isRepo(String repo) {
    return repo != null && REPO.matcher(repo).matches();
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
