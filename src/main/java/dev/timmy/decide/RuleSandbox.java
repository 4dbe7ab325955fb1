package dev.timmy.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule may use, checked on the DRL text before the engine compiles it: rules see facts and
 * insert derived facts, nothing else. Drools 10 on Java 17 has no fence of its own (the security
 * manager is gone), so the check is an allow-list on the source: comments and string literals are
 * blanked (keeping lines), then imports, globals, the dialect and every name in the code — left-hand
 * sides, consequences and function bodies alike — are held against it. Each refusal is a
 * {@code file:line} error saying what is not allowed.
 */
final class RuleSandbox {
  /** Packages and classes a rule may import or name in full. */
  private static final List<String> ALLOWED = List.of(
      "dev.timmy.facts.", "java.util.", "java.time.", "java.math.", "java.text.",
      "java.lang.Math", "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
      "java.lang.Boolean", "java.lang.Character", "java.lang.StringBuilder", "java.lang.CharSequence",
      "java.lang.Number", "java.lang.Comparable", "java.lang.Iterable");
  /** The parts of the allowed packages that reach threads, class loading, files or the environment. */
  private static final List<String> DENIED = List.of(
      "java.util.concurrent", "java.util.ServiceLoader", "java.util.Timer", "java.util.logging", "java.util.prefs",
      "java.util.jar", "java.util.zip", "java.util.spi", "java.util.Scanner", "java.util.Properties",
      "java.util.ResourceBundle", "java.time.zone");
  /** The derived facts of {@code decide} a rule inserts or matches; the rest of the package is Timmy's. */
  private static final Set<String> DECIDE_FACTS = Set.of(
      "ActionKind", "Check", "Chosen", "Escalation", "Ineligible", "Proposal", "Ranked", "RouteScore", "ScorePart",
      "TriageLabel", "TriageRequest", "Veto");
  /** Roots of fully-qualified names; a dotted name starting with one of them must be allowed. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w$.])((?:java|javax|jdk|sun|com|org|net|io|dev|kotlin|okhttp3|ch|jakarta|oshi|groovy|mvel2?)\\s*(?:\\.\\s*[\\w$*]+)+)");
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+|function\\s+|accumulate\\s+)?([\\w.$*]+)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
  /** Names that reach outside the facts, with why; matched as whole words in code. */
  private static final Map<String, String> FORBIDDEN = forbidden();

  private RuleSandbox() {}

  /** Every way {@code source} (file {@code file}) leaves the sandbox; empty when it stays inside. */
  static List<RuleError> check(String file, String source) {
    List<RuleError> errors = new ArrayList<>();
    int escape = source.indexOf("\\u");
    if (escape >= 0) {
      // Java decodes \\uXXXX before it reads anything else, so an escape could spell any name.
      errors.add(new RuleError(file, line(source, escape), "unicode escapes (\\uXXXX) are not allowed in rules: write the character itself"));
    }
    String code = blank(source);
    Matcher im = IMPORT.matcher(code);
    while (im.find()) {
      String name = im.group(2);
      String kind = im.group(1) == null ? "" : im.group(1).trim() + " ";
      if (kind.startsWith("accumulate") || !allowed(name)) {
        errors.add(new RuleError(file, line(code, im.start(2)), "import " + kind + name + " is not allowed: rules may import "
            + "dev.timmy.facts.*, the derived facts of dev.timmy.decide, java.util, java.time, java.math, java.text and "
            + "java.lang's String, Math and boxes"));
      }
    }
    String body = IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length()));
    Matcher q = QUALIFIED.matcher(body);
    while (q.find()) {
      String name = q.group(1).replaceAll("\\s+", "");
      if (!allowed(name)) {
        errors.add(new RuleError(file, line(body, q.start(1)), "`" + name + "` is not allowed: rules may name only facts, "
            + "java.util, java.time, java.math, java.text and java.lang's String, Math and boxes"));
      }
    }
    Matcher w = WORD.matcher(body);
    while (w.find()) {
      String why = FORBIDDEN.get(w.group());
      if (why != null && !(w.start() > 0 && body.charAt(w.start() - 1) == '@')) {
        errors.add(new RuleError(file, line(body, w.start()), "`" + w.group() + "` is not allowed in rules: " + why));
      }
    }
    return errors;
  }

  private static boolean allowed(String name) {
    if (DENIED.stream().anyMatch(name::startsWith)) return false;
    if (name.startsWith("dev.timmy.decide.")) {
      String rest = name.substring("dev.timmy.decide.".length());
      String type = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
      return type.equals("*") || DECIDE_FACTS.contains(type);
    }
    for (String a : ALLOWED) {
      if (a.endsWith(".") ? name.startsWith(a) : name.equals(a) || name.startsWith(a + ".")) return true;
    }
    return false;
  }

  private static Map<String, String> forbidden() {
    String process = "rules cannot start or stop processes or the JVM";
    String threads = "rules cannot start threads or wait on them";
    String reflection = "rules cannot use reflection or load classes";
    String engine = "rules cannot reach the engine or the session; insert and insertLogical are all a consequence needs";
    String io = "rules cannot read or write files or the network";
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    for (String s : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "SecurityManager", "Shutdown")) m.put(s, process + ", read the environment or system properties");
    for (String s : List.of("Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Executors", "ExecutorService",
        "CompletableFuture", "ForkJoinPool", "Timer", "parallelStream", "parallel", "synchronized", "wait", "notify", "notifyAll")) m.put(s, threads);
    for (String s : List.of("Class", "ClassLoader", "class", "getClass", "forName", "Module", "ModuleLayer", "StackWalker",
        "Package", "MethodHandles", "MethodHandle", "Unsafe", "Proxy", "ServiceLoader", "Compiler", "RuleBook")) m.put(s, reflection);
    for (String s : List.of("drools", "kcontext", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "global", "dialect")) m.put(s, engine);
    for (String s : List.of("File", "Files", "Path", "Paths", "Socket", "ServerSocket", "URL", "URI", "HttpClient", "FileSystems")) m.put(s, io);
    m.put("global", "rules get everything as facts; globals are not allowed");
    m.put("dialect", "only the default java dialect is allowed (MVEL consequences are not checked)");
    return Map.copyOf(m);
  }

  /** {@code source} with comments and string and character literals blanked, newlines kept. */
  static String blank(String source) {
    StringBuilder out = new StringBuilder(source);
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') out.setCharAt(i++, ' ');
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (; i < end; i++) if (source.charAt(i) != '\n') out.setCharAt(i, ' ');
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
          if (source.charAt(i) == '\\' && i + 1 < n && source.charAt(i + 1) != '\n') out.setCharAt(i++, ' ');
          out.setCharAt(i++, ' ');
        }
        i++;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static int line(String text, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) if (text.charAt(i) == '\n') line++;
    return line;
  }
}
