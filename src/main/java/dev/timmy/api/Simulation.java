package dev.timmy.api;

import dev.timmy.decide.Decision;
import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.EvaluationException;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Candidate rules against the live ones on the same snapshot, as the CLI's {@code simulate} does.
 * Submitted files are written over a temporary copy of the live rules, so a request can carry just
 * the one file it edits; the copy is deleted afterwards. The candidate passes the same sandbox and
 * the same evaluation deadline as the rules on disk. No directory on Timmy's disk is compiled at a
 * request's word ({@code rulesDir} is refused): DRL over HTTP is only ever the text sent.
 */
final class Simulation {
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.drl");

  private Simulation() {}

  static DecisionDiff run(RuleBook live, Snapshot snapshot, Wire.SimulateRequest request) {
    if (request != null && request.rulesDir() != null) {
      throw ApiException.invalidBody("rulesDir: not accepted (the API compiles no directory on Timmy's disk); expected"
          + " {\"files\": {\"priority.drl\": \"…\"}}, found a rulesDir");
    }
    if (request == null || request.files() == null) {
      throw ApiException.invalidBody("expected {\"files\": {\"priority.drl\": \"…\"}}, found no files");
    }
    Decision current = evaluate(live, snapshot, "live");
    RuleBook candidate = overlay(live, request.files());
    return DecisionDiff.between(current, evaluate(candidate, snapshot, "candidate"));
  }

  private static RuleBook overlay(RuleBook live, Map<String, String> files) {
    Path liveDir = live.dir();
    if (files.isEmpty()) throw ApiException.invalidBody("files: expected at least one NAME.drl with its text, found none");
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!FILE_NAME.matcher(f.getKey()).matches()) {
        throw ApiException.invalidBody("files: expected plain file names ending in .drl, found " + f.getKey());
      }
      if (f.getValue() == null) throw ApiException.invalidBody("files." + f.getKey() + ": expected DRL text, found null");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("timmy-simulate-");
      try (Stream<Path> liveFiles = Files.list(liveDir)) {
        for (Path p : liveFiles.filter(p -> p.getFileName().toString().endsWith(".drl")).toList()) {
          Files.copy(p, tmp.resolve(p.getFileName().toString()));
        }
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
      return open(tmp, live);
    } catch (IOException e) {
      throw new UncheckedIOException("simulate: cannot prepare the candidate rules", e);
    } finally {
      if (tmp != null) delete(tmp);
    }
  }

  private static RuleBook open(Path dir, RuleBook live) {
    try {
      return RuleBook.open(dir, live.deadline());
    } catch (RuleErrors e) {
      throw ApiException.rulesInvalid("the candidate rules do not compile:", e.errors());
    }
  }

  private static Decision evaluate(RuleBook rules, Snapshot snapshot, String which) {
    try {
      return rules.evaluate(snapshot);
    } catch (EvaluationException e) {
      throw new ApiException(ErrorCode.EVALUATION_FAILED, "the " + which + " rules failed on the latest snapshot: " + e.getMessage());
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("simulate: cannot delete " + dir, e);
    }
  }
}
