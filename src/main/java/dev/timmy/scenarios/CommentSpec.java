package dev.timmy.scenarios;

import dev.timmy.facts.Comment;
import java.time.Instant;

/** A comment as a scenario writes it: subject required; id, author (alex), body, createdAt (now) optional. */
record CommentSpec(String subject, Long id, String author, String body, Instant createdAt) {
  CommentSpec {
    Defaults.require(subject != null && subject.contains("#"), "a comment needs subject (owner/repo#N)");
  }

  /** {@code position} (1-based) is the id when none is given; {@code timmyLogin}'s marked comments are Timmy's notes. */
  Comment toFact(Instant now, int position, String timmyLogin) {
    return Comment.read(subject, Defaults.or(id, (long) position), Defaults.or(author, "alex"),
        Defaults.or(body, ""), Defaults.or(createdAt, now), timmyLogin);
  }
}
