package dev.timmy.facts;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alex: the owner's Gitea login, the labels with which he puts work on hold and the phrases with
 * which he tells Timmy in a comment to keep off. The one matcher of holds and instructions: the
 * rules (classify.drl) and the Java guard both ask it, so they cannot disagree. Text is compared
 * after {@link #normalise}: Unicode compatibility forms, any apostrophe or quote as {@code '},
 * invisible characters dropped, any run of spacing as one space, case ignored.
 */
public record Owner(String login, List<String> holdLabels, List<String> holdPhrases) {
  /** The phrases that hold a subject when {@code owner.holdPhrases} is not configured. */
  public static final List<String> DEFAULT_HOLD_PHRASES = List.of("/timmy hold", "do not merge", "don't merge");
  /** The label that makes an issue Alex's decision alone: Timmy may only escalate it. */
  public static final String STRATEGY_LABEL = "strategy";
  private static final Pattern QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032\\u02BC\\u02B9\\u0060\\u00B4\\uFF07]");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern SPACING = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

  public Owner {
    login = login == null ? "" : login.strip();
    holdLabels = List.copyOf(holdLabels);
    holdPhrases = holdPhrases == null ? DEFAULT_HOLD_PHRASES : List.copyOf(holdPhrases);
  }

  /** Alex with the default hold phrases. */
  public Owner(String login, List<String> holdLabels) {
    this(login, holdLabels, null);
  }

  public boolean holds(List<String> labels) {
    return holdLabelAmong(labels).isPresent();
  }

  /** The first of {@code labels} that is one of Alex's hold labels (normalised, ignoring case). */
  public Optional<String> holdLabelAmong(List<String> labels) {
    if (labels == null || labels.isEmpty()) return Optional.empty();
    List<String> held = holdLabels.stream().map(Owner::normalise).toList();
    return labels.stream().filter(l -> l != null && held.contains(normalise(l))).findFirst();
  }

  /** True when Alex himself wrote {@code c} and it says one of his hold phrases. */
  public boolean instructs(Comment c) {
    return c != null && !login.isEmpty() && login.equalsIgnoreCase(c.author() == null ? "" : c.author().strip())
        && phraseIn(c.body()).isPresent();
  }

  /** The hold phrase {@code text} says, if any. */
  public Optional<String> phraseIn(String text) {
    String said = normalise(text);
    return holdPhrases.stream().filter(p -> {
      String phrase = normalise(p);
      return !phrase.isEmpty() && said.contains(phrase);
    }).findFirst();
  }

  /** True when {@code labels} name the strategy label: only Alex decides such an issue. */
  public static boolean strategic(List<String> labels) {
    return labels != null && labels.stream().anyMatch(l -> l != null && normalise(l).equals(STRATEGY_LABEL));
  }

  /** Text as the matcher compares it (see the class comment). */
  public static String normalise(String text) {
    if (text == null) return "";
    if (plain(text)) return text.toLowerCase(Locale.ROOT);
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = QUOTES.matcher(s).replaceAll("'");
    s = INVISIBLE.matcher(s).replaceAll("");
    s = SPACING.matcher(s).replaceAll(" ");
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * True when {@link #normalise} would only lower the case of {@code text}: printable ASCII with
   * no backquote, single spaces and none at either end. Most labels and phrases are, and the rules
   * ask for every label of every issue each evaluation.
   */
  private static boolean plain(String text) {
    int n = text.length();
    if (n > 0 && (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ')) return false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '`' || (c == ' ' && text.charAt(i - 1) == ' ')) return false;
    }
    return true;
  }
}
