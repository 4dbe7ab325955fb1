package dev.timmy.facts;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Timmy wrote, read once where comments are mapped: the hidden marker
 * {@code <!-- timmy:KEY -->} that ends a comment written by Timmy's own Gitea login. KEY is the
 * proposal key ({@code KIND:SUBJECT[:name=value,...]}); the note keeps its kind, subject, topic and
 * parameters, so rules match what Timmy said ({@code TimmyNote(subject == $s, topic == "nudge",
 * param("agent") == $name)}) and a parameter added later does not change what an older note means.
 * A marker anyone else wrote (copied, quoted or forged) makes no note: that comment is a person's.
 * Only the marker that ends the body counts, because that is where Timmy puts it; one inside the
 * text is quoted material (an issue title, a CI context) and proves nothing. An issue Timmy opened
 * (a red CI, an escalation) makes a note too, with {@code commentId} 0: its subject is what the issue
 * is about ({@code loop:ci-main}), and the {@link Issue} carrying it says where and whether it is open.
 */
public record TimmyNote(
    String subject, String kind, String topic, Map<String, String> params, Instant at, long commentId, String author) {
  public TimmyNote {
    params = Map.copyOf(params);
    topic = topic == null ? "" : topic;
  }

  /** The value of parameter {@code name}, {@code ""} when the key has none. */
  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  /**
   * The note a comment makes: present only when {@code timmyLogin} (the token's own user) wrote it
   * and its body ends with a readable marker about the comment's own subject.
   */
  public static Optional<TimmyNote> of(
      String subject, long commentId, String author, String body, Instant at, String timmyLogin) {
    return byTimmy(author, timmyLogin) ? Key.trailing(body).filter(k -> k.subject().equals(subject))
        .map(k -> new TimmyNote(k.subject(), k.kind(), k.param("topic"), k.params(), at, commentId, author)) : Optional.empty();
  }

  /** The note an issue makes: present only when {@code timmyLogin} opened it and its body ends with a readable marker. */
  public static Optional<TimmyNote> ofIssue(String author, String body, Instant at, String timmyLogin) {
    return byTimmy(author, timmyLogin) ? Key.trailing(body)
        .map(k -> new TimmyNote(k.subject(), k.kind(), k.param("topic"), k.params(), at, 0, author)) : Optional.empty();
  }

  private static boolean byTimmy(String author, String timmyLogin) {
    return timmyLogin != null && !timmyLogin.isBlank() && author != null && author.equalsIgnoreCase(timmyLogin);
  }

  /**
   * A marker key taken apart. The subject may hold colons ({@code loop:ci-main}) but never
   * {@code =}, so the parameters start after the last colon before the first {@code =}; a value
   * may hold colons and {@code =}, and a comma only when no {@code name=} follows it.
   */
  public record Key(String kind, String subject, Map<String, String> params) {
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][\\w.-]*");
    private static final Pattern NEXT_PARAM = Pattern.compile(",(?=[A-Za-z][\\w.-]*=)");

    public Key {
      params = Map.copyOf(params);
    }

    public String param(String name) {
      return params.getOrDefault(name, "");
    }

    /** The key as Timmy writes it: parameters in name order. */
    @Override
    public String toString() {
      return spell(kind, subject, params, null);
    }

    /**
     * The one spelling of a key, {@code KIND:SUBJECT[:name=value,...]} with the parameters in name
     * order, leaving out the parameter named {@code without} (none when null). Built straight from
     * the map: proposals are keyed many times a cycle, and copies into sorted maps were a tenth of
     * an evaluation's allocation.
     */
    public static String spell(String kind, String subject, Map<String, String> params, String without) {
      String[] names = new String[params.size()];
      int n = 0;
      for (String name : params.keySet()) {
        if (!name.equals(without)) names[n++] = name;
      }
      if (n == 0) return kind + ':' + subject;
      Arrays.sort(names, 0, n);
      StringBuilder b = new StringBuilder(kind.length() + subject.length() + 16 * n).append(kind).append(':').append(subject);
      for (int i = 0; i < n; i++) {
        b.append(i == 0 ? ':' : ',').append(names[i]).append('=').append(params.get(names[i]));
      }
      return b.toString();
    }

    /** {@code KIND:SUBJECT[:name=value,...]}, or empty when it is not shaped so. */
    public static Optional<Key> parse(String key) {
      if (key == null) return Optional.empty();
      int colon = key.indexOf(':');
      if (colon < 1 || !KIND.matcher(key.substring(0, colon)).matches()) return Optional.empty();
      String rest = key.substring(colon + 1);
      int eq = rest.indexOf('=');
      int split = eq < 0 ? rest.length() : rest.lastIndexOf(':', eq);
      if (split < 1) return Optional.empty();
      String subject = rest.substring(0, split);
      if (subject.isBlank() || !subject.equals(subject.strip())) return Optional.empty();
      Map<String, String> params = new LinkedHashMap<>();
      if (eq >= 0) {
        for (String pair : NEXT_PARAM.split(rest.substring(split + 1), -1)) {
          int at = pair.indexOf('=');
          if (at < 1 || !NAME.matcher(pair.substring(0, at)).matches()) return Optional.empty();
          if (params.putIfAbsent(pair.substring(0, at), pair.substring(at + 1)) != null) return Optional.empty();
        }
      }
      return Optional.of(new Key(key.substring(0, colon), subject, params));
    }

    /** The key of the marker that ends {@code body} (trailing blanks aside), if one does. */
    public static Optional<Key> trailing(String body) {
      if (body == null) return Optional.empty();
      String text = body.stripTrailing();
      if (!text.endsWith(Markers.CLOSE)) return Optional.empty();
      int open = text.lastIndexOf(Markers.OPEN);
      if (open < 0) return Optional.empty();
      String key = text.substring(open + Markers.OPEN.length(), text.length() - Markers.CLOSE.length());
      return key.contains(Markers.CLOSE) ? Optional.empty() : parse(key);
    }
  }
}
