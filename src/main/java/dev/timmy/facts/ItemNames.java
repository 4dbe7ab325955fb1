package dev.timmy.facts;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The names {@code owner/repo#N} of backlog items, built once per item and then handed out as the
 * same string: the rules ask an issue for its subject in dozens of conditions and every derived
 * fact of it carries one, so a name built on each call would be a new string each time (its hash
 * computed again at every index look-up, a copy kept by every check). Bounded: at most
 * {@link #REPOS} repositories and numbers below {@link #NUMBERS} are kept; any other name is built
 * as it is asked for, equal and correct, only not shared.
 */
final class ItemNames {
  static final int REPOS = 64;
  static final int NUMBERS = 1 << 17;
  /** The names every subject is built from. */
  static final ItemNames SHARED = new ItemNames(REPOS, NUMBERS);

  private final int repos;
  private final int numbers;
  private final ConcurrentHashMap<String, Repo> byRepo = new ConcurrentHashMap<>();

  /** Keeps the names of at most {@code repos} repositories, of numbers below {@code numbers}. */
  ItemNames(int repos, int numbers) {
    this.repos = repos;
    this.numbers = numbers;
  }

  String name(String repo, int number) {
    if (number < 0 || number >= numbers) return repo + "#" + number;
    Repo names = byRepo.get(repo);
    if (names == null) {
      if (byRepo.size() >= repos) return repo + "#" + number;
      names = byRepo.computeIfAbsent(repo, r -> new Repo(r, numbers));
    }
    return names.name(number);
  }

  /** One repository's names by number. */
  private static final class Repo {
    private final String prefix;
    private final int numbers;
    /** Grown under the lock, read without it: a name is an immutable string, so a racing reader at worst builds one more. */
    private volatile String[] byNumber = new String[64];

    Repo(String repo, int numbers) {
      this.prefix = repo + "#";
      this.numbers = numbers;
    }

    String name(int number) {
      String[] names = byNumber;
      if (number < names.length) {
        String name = names[number];
        if (name != null) return name;
        name = prefix + number;
        names[number] = name;
        return name;
      }
      return grown(number);
    }

    private synchronized String grown(int number) {
      String[] names = byNumber;
      if (number >= names.length) {
        String[] bigger = new String[Math.min(numbers, Math.max(number + 1, names.length * 2))];
        System.arraycopy(names, 0, bigger, 0, names.length);
        byNumber = names = bigger;
      }
      String name = names[number];
      if (name == null) {
        name = prefix + number;
        names[number] = name;
      }
      return name;
    }
  }
}
