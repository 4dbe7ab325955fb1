package dev.timmy.facts;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a subject is named everywhere, Java and rules alike ({@code Subjects.agent($name)} in a rule):
 * a backlog item is {@code owner/repo#N}; an agent {@code agent:<name>}, a model {@code model:<name>},
 * a loop {@code loop:<name>}, a file {@code file:<path>}, a process {@code process:<pid>}, the host
 * {@code host}. The parsers ({@link #agentName}, {@link #modelName}, {@link #loopName},
 * {@link #filePath}, {@link #pid}) are the one way back from a subject to its name: a subject comes
 * from the rules, so a name that is empty, blank or carries control or invisible formatting
 * characters is no name at all.
 */
public final class Subjects {
  /** {@code owner/repo}: word characters, dots and dashes; neither part may be {@code .} or {@code ..}. */
  public static final Pattern REPO = Pattern.compile("(?!\\.{1,2}(?![\\w.-]))[\\w.-]+/(?!\\.{1,2}(?![\\w.-]))[\\w.-]+");
  private static final Pattern ITEM = Pattern.compile("(" + REPO.pattern() + ")#0*(\\d{1,9})");

  private static final String AGENT = "agent:";
  private static final String MODEL = "model:";
  private static final String LOOP = "loop:";
  private static final String FILE = "file:";
  private static final String PROCESS = "process:";
  /** A pid's digits: ASCII only, no sign, at most 18 of them, so it always fits a long. */
  private static final Pattern PID = Pattern.compile("[0-9]{1,18}");

  private Subjects() {}

  public static String of(String repo, int number) {
    return ItemNames.SHARED.name(repo, number);
  }

  /** How an agent is named as a subject of checks and explanations: {@code agent:<name>}. */
  public static String agent(String name) {
    return AGENT + name;
  }

  /** The agent's name in {@code agent:<name>}; empty for any other subject and for a name that is none ({@link #named}). */
  public static Optional<String> agentName(String subject) {
    return named(subject, AGENT);
  }

  /** How a model is named as a subject: {@code model:<name>}. */
  public static String model(String name) {
    return MODEL + name;
  }

  /** The model's name in {@code model:<name>} (which may hold colons: {@code model:qwen3:14b}); empty otherwise. */
  public static Optional<String> modelName(String subject) {
    return named(subject, MODEL);
  }

  /** How an automation loop is named as a subject: {@code loop:<name>}. */
  public static String loop(String name) {
    return LOOP + name;
  }

  /** The loop's name in {@code loop:<name>}; empty for any other subject and for a name that is none. */
  public static Optional<String> loopName(String subject) {
    return named(subject, LOOP);
  }

  /** How a file is named as a subject: {@code file:<path>}. */
  public static String file(String path) {
    return FILE + path;
  }

  /**
   * The path in {@code file:<path>}, as written (whether it is absolute, inside a cleanup root and
   * no symlink is the file target's to check); empty for any other subject and for a path that is none.
   */
  public static Optional<String> filePath(String subject) {
    return named(subject, FILE);
  }

  /** How a mounted disk is named as a subject: {@code disk:<mount>}. */
  public static String disk(String mount) {
    return "disk:" + mount;
  }

  /** How a running process is named as a subject of the house rules: {@code process:<pid>}. */
  public static String process(long pid) {
    return PROCESS + pid;
  }

  /**
   * The pid in {@code process:<pid>}: ASCII digits only (no sign, blank or other script's digits),
   * at most 18, so it fits a long; empty otherwise. Whether that process may be stopped (not init,
   * not Timmy) is the process target's to say.
   */
  public static OptionalLong pid(String subject) {
    if (subject == null || !subject.startsWith(PROCESS)) return OptionalLong.empty();
    String digits = subject.substring(PROCESS.length());
    return PID.matcher(digits).matches() ? OptionalLong.of(Long.parseLong(digits)) : OptionalLong.empty();
  }

  /**
   * What follows {@code prefix} in {@code subject}; empty when the subject has another prefix, or
   * nothing after it, or only blanks, or a control character (a newline, ESC, NUL, DEL, C1) or an
   * invisible formatting one (bidi overrides, zero-width characters, line separators) anywhere.
   */
  private static Optional<String> named(String subject, String prefix) {
    if (subject == null || !subject.startsWith(prefix)) return Optional.empty();
    String name = subject.substring(prefix.length());
    if (name.isBlank() || name.codePoints().anyMatch(Subjects::hidden)) return Optional.empty();
    return Optional.of(name);
  }

  private static boolean hidden(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
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
