package dev.timmy.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

  /** Compiled patterns by phrase list; a rule passes constants, and past {@link #PATTERNS} lists nothing more is kept. */
  private static final Map<List<String>, Pattern> BY_PHRASES = new ConcurrentHashMap<>();
  private static final int PATTERNS = 32;

  /**
   * The issue numbers written {@code #N} right after one of {@code phrases} in {@code text}, in the
   * order they appear: {@code after(body, "blocked by", "depends on")} reads 12 and 7 out of
   * "Blocked  by #12, depends on #7". A phrase matches in any case with any spacing between its
   * words, and starts at a word boundary; what {@link #read} does not read as a number is left out.
   * The phrases are the rule's; the pattern is compiled once for them (a rule asks this of every
   * open issue, every cycle).
   */
  public static List<Integer> after(String text, String... phrases) {
    if (text == null || text.isEmpty() || phrases.length == 0) return List.of();
    List<String> key = List.of(phrases);
    Pattern pattern = BY_PHRASES.get(key);
    if (pattern == null) {
      pattern = compile(key);
      if (BY_PHRASES.size() < PATTERNS) BY_PHRASES.putIfAbsent(key, pattern);
    }
    List<Integer> numbers = new ArrayList<>(2);
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int n = read(m.group(1));
      if (n > 0) numbers.add(n);
    }
    return numbers;
  }

  private static Pattern compile(List<String> phrases) {
    String any = phrases.stream()
        .map(p -> Arrays.stream(p.strip().split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+")))
        .collect(Collectors.joining("|"));
    return Pattern.compile("\\b(?:" + any + ")\\s+#(\\d+)", Pattern.CASE_INSENSITIVE);
  }
}
