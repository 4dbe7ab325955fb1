package dev.timmy.facts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a subject is named everywhere, Java and rules alike ({@code Subjects.agent($name)} in a rule):
 * a backlog item is {@code owner/repo#N}; an agent {@code agent:<name>}, a model {@code model:<name>},
 * a loop {@code loop:<name>}, a file {@code file:<path>}, a process {@code process:<pid>}, the host
 * {@code host}.
 */
public final class Subjects {
  /** {@code owner/repo}: word characters, dots and dashes; neither part may be {@code .} or {@code ..}. */
  public static final Pattern REPO = Pattern.compile("(?!\\.{1,2}(?![\\w.-]))[\\w.-]+/(?!\\.{1,2}(?![\\w.-]))[\\w.-]+");
  private static final Pattern ITEM = Pattern.compile("(" + REPO.pattern() + ")#0*(\\d{1,9})");

  private static final String AGENT = "agent:";

  private Subjects() {}

  public static String of(String repo, int number) {
    return repo + "#" + number;
  }

  /** How an agent is named as a subject of checks and explanations: {@code agent:<name>}. */
  public static String agent(String name) {
    return AGENT + name;
  }

  /** The agent's name in {@code agent:<name>}; empty for any other subject. */
  public static Optional<String> agentName(String subject) {
    return subject != null && subject.startsWith(AGENT) ? Optional.of(subject.substring(AGENT.length())) : Optional.empty();
  }

  /** How a model is named as a subject: {@code model:<name>}. */
  public static String model(String name) {
    return "model:" + name;
  }

  /** How an automation loop is named as a subject: {@code loop:<name>}. */
  public static String loop(String name) {
    return "loop:" + name;
  }

  /** How a file is named as a subject: {@code file:<path>}. */
  public static String file(String path) {
    return "file:" + path;
  }

  /** How a mounted disk is named as a subject: {@code disk:<mount>}. */
  public static String disk(String mount) {
    return "disk:" + mount;
  }

  /** How a running process is named as a subject of the house rules: {@code process:<pid>}. */
  public static String process(long pid) {
    return "process:" + pid;
  }

  /** The observed host as a subject. */
  public static final String HOST = "host";

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
