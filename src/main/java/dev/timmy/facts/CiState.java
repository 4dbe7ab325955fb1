package dev.timmy.facts;

/** Gitea's combined commit status, plus NONE when no status was ever reported. */
public enum CiState {
  SUCCESS, PENDING, FAILURE, ERROR, WARNING, NONE;

  public static CiState parse(String gitea) {
    if (gitea == null || gitea.isBlank()) return NONE;
    return switch (gitea.toLowerCase()) {
      case "success" -> SUCCESS;
      case "pending" -> PENDING;
      case "failure" -> FAILURE;
      case "error" -> ERROR;
      case "warning" -> WARNING;
      default -> NONE;
    };
  }
}
