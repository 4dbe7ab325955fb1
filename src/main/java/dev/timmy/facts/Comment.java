package dev.timmy.facts;

import java.time.Instant;

/** A comment on an issue or pull request ({@code subject} is {@code owner/repo#N}). */
public record Comment(String subject, long id, String author, String body, Instant createdAt) {
  public Comment {
    body = body == null ? "" : body;
  }

  /** True when the comment carries Timmy's hidden marker for this action key. */
  public boolean carriesMarker(String key) {
    return body.contains(Markers.of(key));
  }
}
