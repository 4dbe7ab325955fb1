package dev.timmy.facts;

import java.time.Instant;

/**
 * A comment on an issue or pull request ({@code subject} is {@code owner/repo#N}). {@code note} is
 * what Timmy wrote in it ({@link TimmyNote}), null for everyone else's comment, a copied or forged
 * marker included.
 */
public record Comment(String subject, long id, String author, String body, Instant createdAt, TimmyNote note) {
  public Comment {
    body = body == null ? "" : body;
  }

  /** A person's comment (or one whose writer is not known to be Timmy): it makes no note. */
  public Comment(String subject, long id, String author, String body, Instant createdAt) {
    this(subject, id, author, body, createdAt, null);
  }

  /** A comment as read from Gitea: a note when {@code timmyLogin}, Timmy's own login, wrote it with its marker. */
  public static Comment read(String subject, long id, String author, String body, Instant createdAt, String timmyLogin) {
    return new Comment(subject, id, author, body, createdAt,
        TimmyNote.of(subject, id, author, body, createdAt, timmyLogin).orElse(null));
  }
}
