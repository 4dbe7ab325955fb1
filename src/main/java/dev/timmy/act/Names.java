package dev.timmy.act;

import dev.timmy.decide.ProposalItem;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a proposal carries into a request (a branch, a label, a login, a commit),
 * checked before any of them becomes part of a URL or a body. A rule, an issue title
 * or a model can put anything into a parameter: {@code ../../../other/victim} as a branch would
 * walk the API's path to another repository. The guard and the Gitea target ask the same checks.
 */
public final class Names {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_][\\w.-]{0,39}");
  private static final Pattern SHA = Pattern.compile("[0-9A-Za-z]{1,64}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]");
  /** What git itself refuses in a ref name (git check-ref-format), plus the backslash and the percent sign. */
  private static final Pattern BAD_REF = Pattern.compile("[\\s~^:?*\\[\\\\%]|\\.\\.|@\\{|//");

  private Names() {}

  /** The first parameter of {@code p} that is not a well-formed name of its kind, in words. */
  public static Optional<String> problem(ProposalItem p) {
    return check("branch", p.param("branch"), branch(p.param("branch")))
        .or(() -> check("label", p.param("label"), label(p.param("label"))))
        .or(() -> check("login", p.param("login"), LOGIN.matcher(p.param("login")).matches()))
        .or(() -> check("sha", p.param("sha"), SHA.matcher(p.param("sha")).matches()));
  }

  /** A branch name git would accept: no {@code ..}, no empty, dot-led or {@code .lock} component, no control or glob characters. */
  public static boolean branch(String name) {
    if (name.isEmpty() || name.length() > 255 || name.startsWith("/") || name.endsWith("/") || name.endsWith(".")
        || name.equals("@") || CONTROL.matcher(name).find() || BAD_REF.matcher(name).find()) {
      return false;
    }
    for (String part : name.split("/")) {
      if (part.startsWith(".") || part.endsWith(".lock")) return false;
    }
    return true;
  }

  /** A label name: some visible text, at most 100 characters, no control or invisible characters. */
  public static boolean label(String name) {
    return !name.isBlank() && name.length() <= 100 && !CONTROL.matcher(name).find();
  }

  /** Absent parameters are not checked here: whether a kind needs one is the target's business. */
  private static Optional<String> check(String param, String value, boolean ok) {
    if (value.isEmpty() || ok) return Optional.empty();
    return Optional.of("parameter " + param + " is not a valid " + param + " name: \"" + printable(value) + "\"");
  }

  /** The value with control characters shown as escapes and cut to 80 characters, safe to journal. */
  static String printable(String value) {
    StringBuilder b = new StringBuilder();
    value.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) b.append(String.format("\\u%04x", c));
      else b.appendCodePoint(c);
    });
    return value.codePointCount(0, value.length()) > 80 ? b + "..." : b.toString();
  }
}
