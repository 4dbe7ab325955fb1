package dev.timmy.decide;

/**
 * A classified condition as shown in an explanation checklist: {@code mark} is ✔ when it holds,
 * ✘ when it does not (always derived from {@code ok}, so every front end shows the same sign).
 */
public record CheckItem(String subject, String name, boolean ok, String mark, String detail, String ruleId, String title) {
  public static final String HOLDS = "✔";
  public static final String FAILS = "✘";

  public CheckItem {
    mark = ok ? HOLDS : FAILS;
  }

  public CheckItem(String subject, String name, boolean ok, String detail, String ruleId, String title) {
    this(subject, name, ok, null, detail, ruleId, title);
  }

  /** The checklist line: {@code ✘ green: failure on ci/build [CLASS-020]}. */
  public String line() {
    return mark + " " + name + ": " + detail + " [" + ruleId + "]";
  }
}
