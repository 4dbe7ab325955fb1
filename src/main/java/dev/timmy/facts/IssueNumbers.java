package dev.timmy.facts;

/**
 * Issue numbers read out of text anyone can write (issue and pull request bodies, URLs in what
 * Gitea sent). Reading one never throws: what cannot be an issue number names no issue, so the
 * reference is ignored and costs nothing else.
 */
public final class IssueNumbers {
  private IssueNumbers() {}

  /**
   * The number {@code digits} spells (ASCII digits only, leading zeros allowed), or 0 when it is
   * not one: empty, signed, another script's digits, 0 itself, or past {@link Integer#MAX_VALUE}.
   */
  public static int read(String digits) {
    if (digits == null || digits.isEmpty()) return 0;
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') return 0;
      n = n * 10 + (c - '0');
      if (n > Integer.MAX_VALUE) return 0;
    }
    return (int) n;
  }
}
