package dev.timmy.decide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract between rules, checked on the DRL text of the whole rule book before it compiles:
 * a rule that matches a derived fact no rule inserts, or a {@link Check} by a name no rule gives
 * one, waits for something that never comes (a typo, a renamed check, a deleted rule). Each is a
 * {@code file:line} error. {@link Ranked} and {@link Chosen} are inserted by Java between firings;
 * a check named by an expression ({@code "disk-short:" + $d.mount()}) produces every name with its
 * literal prefix; a check built in Java ({@link AgentState#check()}) produces its constant name.
 */
final class RuleLint {
  /** Derived facts Java inserts between firings, not the rules. */
  private static final Set<String> JAVA_INSERTS = Set.of("Ranked", "Chosen");
  private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");
  private static final Pattern NAME_IS = Pattern.compile("\\bname\\s*==\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern NEW_CHECK = Pattern.compile("\\bnew\\s+Check\\s*\\(");
  /** The session calls whose effect outlives the facts that caused it (all but insertLogical), as words in code. */
  private static final Pattern STATED = Pattern.compile("(?<![\\w$])(insert|update|modify|delete|retract)(?![\\w$])");

  private RuleLint() {}

  /** Every match of a derived fact or named check that no rule of {@code sources} (file → text) produces. */
  static List<RuleError> check(Map<String, String> sources) {
    Set<String> inserted = new HashSet<>(JAVA_INSERTS);
    Set<String> names = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (String text : sources.values()) {
      String code = RuleSandbox.blank(text);
      for (String type : RuleSandbox.DECIDE_FACTS) {
        if (Pattern.compile("\\bnew\\s+" + type + "\\s*\\(|\\b" + type + "\\s*\\.\\s*[a-z]\\w*\\s*\\(").matcher(code).find()) {
          inserted.add(type);
        }
      }
      if (code.contains(".check()")) names.add(AgentState.CHECK);
      producedNames(RuleSandbox.blankComments(text), names, prefixes);
    }
    List<RuleError> errors = new ArrayList<>();
    sources.forEach((file, text) -> {
      String code = RuleSandbox.blank(text);
      String withStrings = RuleSandbox.blankComments(text);
      Matcher lhs = WHEN_THEN.matcher(code);
      while (lhs.find()) {
        for (String type : RuleSandbox.DECIDE_FACTS) {
          if (type.equals("ActionKind")) continue;
          Matcher m = Pattern.compile("(?<![\\w.$])(?<!new )" + type + "\\s*\\(").matcher(code).region(lhs.start(1), lhs.end(1));
          while (m.find()) {
            if (!inserted.contains(type)) {
              errors.add(new RuleError(file, RuleSandbox.line(code, m.start()),
                  "a rule matches " + type + " but no rule inserts one"));
            } else if (type.equals("Check")) {
              String args = withStrings.substring(m.end(), close(code, m.end() - 1));
              Matcher n = NAME_IS.matcher(args);
              while (n.find()) {
                String name = n.group(1);
                if (!names.contains(name) && prefixes.stream().noneMatch(name::startsWith)) {
                  errors.add(new RuleError(file, RuleSandbox.line(code, m.end() + n.start()),
                      "a rule matches Check named \"" + name + "\" but no rule inserts a Check of that name"));
                }
              }
            }
          }
        }
      }
    });
    return errors;
  }

  /**
   * The first place (file order) where a rule changes the session by other means than
   * {@code insertLogical}. What a plain {@code insert} concluded stays when the facts it came from
   * change or go, and an {@code update} or {@code delete} changes what Java told the session, so
   * a session that lives across cycles would decide from what earlier snapshots left in it, unlike
   * a fresh one: such rules are evaluated afresh every cycle. Read on the text, so a mention of
   * one of these words anywhere in code counts (the cost of a false alarm is only speed).
   */
  static Optional<RuleError> stated(Map<String, String> sources) {
    for (Map.Entry<String, String> s : sources.entrySet()) {
      String code = RuleSandbox.blank(s.getValue());
      Matcher m = STATED.matcher(code);
      if (m.find()) {
        return Optional.of(new RuleError(s.getKey(), RuleSandbox.line(code, m.start()), "`" + m.group(1)
            + "` outlives the facts that caused it (only insertLogical is withdrawn with them), so these rules are"
            + " evaluated afresh every cycle instead of in a session that lives across cycles"));
      }
    }
    return Optional.empty();
  }

  /** The names of {@code new Check(subject, name, …)} in {@code code}: literal names, and literal prefixes of names built with {@code +}. */
  private static void producedNames(String code, Set<String> names, Set<String> prefixes) {
    String blanked = RuleSandbox.blank(code);
    Matcher m = NEW_CHECK.matcher(blanked);
    while (m.find()) {
      int end = close(blanked, m.end() - 1);
      int comma = topLevelComma(blanked, m.end(), end);
      if (comma < 0) continue;
      String second = code.substring(comma + 1, end).strip();
      if (!second.startsWith("\"")) continue;
      int quote = second.indexOf('"', 1);
      while (quote > 0 && second.charAt(quote - 1) == '\\') quote = second.indexOf('"', quote + 1);
      if (quote < 0) continue;
      String literal = second.substring(1, quote);
      String after = second.substring(quote + 1).strip();
      if (after.startsWith("+")) prefixes.add(literal);
      else names.add(literal);
    }
  }

  /** The offset of the parenthesis closing the one at {@code open} (in blanked code), or the text's end. */
  private static int close(String code, int open) {
    int depth = 0;
    for (int i = open; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') depth++;
      else if (c == ')' && --depth == 0) return i;
    }
    return code.length();
  }

  /** The first comma at depth 0 between {@code from} and {@code to}, or -1. */
  private static int topLevelComma(String code, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') depth++;
      else if (c == ')' || c == ']' || c == '}') depth--;
      else if (c == ',' && depth == 0) return i;
    }
    return -1;
  }
}
