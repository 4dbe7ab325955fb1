package dev.timmy.act;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A target with an in-memory world: it records every call, performs by remembering the key as
 * present, and can be told which effects are already present, which keys fail (a write error, a
 * bug) and which it refuses (up front, or when acting). A test double (demo mode uses {@code service.DemoTarget}, which remembers nothing).
 */
public final class RecordingTarget implements Target {
  /** One call: {@code alreadyDone}, {@code perform} or {@code refusal}, with the action key. */
  public record Call(String method, String key) {}

  private final Set<ActionKind> kinds;
  private final List<Call> calls = new ArrayList<>();
  private final Set<String> present = new HashSet<>();
  private final Map<String, String> failures = new HashMap<>();
  private final Map<String, String> refusals = new HashMap<>();
  private final Map<String, String> liveRefusals = new HashMap<>();
  private final Map<String, String> breakages = new HashMap<>();
  private String failEverything;
  private String brokenReads;

  public RecordingTarget(Set<ActionKind> kinds) {
    this.kinds = Set.copyOf(kinds);
  }

  /** A target for every action kind. */
  public static RecordingTarget forAll() {
    return new RecordingTarget(EnumSet.allOf(ActionKind.class));
  }

  /** The effect of {@code key} is already in the world (as after a crash or by another hand). */
  public synchronized RecordingTarget present(String key) {
    present.add(key);
    return this;
  }

  /** Someone undid the effect of {@code key} (unassigned, unlabelled, reopened…). */
  public synchronized RecordingTarget undo(String key) {
    present.remove(key);
    return this;
  }

  /** Performing {@code key} fails with an IOException saying {@code message}. */
  public synchronized RecordingTarget failing(String key, String message) {
    failures.put(key, message);
    return this;
  }

  /** Every perform fails (a target that is down), until {@link #recover()}. */
  public synchronized RecordingTarget failingAll(String message) {
    failEverything = message;
    return this;
  }

  public synchronized RecordingTarget recover() {
    failEverything = null;
    return this;
  }

  /** The target refuses {@code key} with {@code reason}. */
  public synchronized RecordingTarget refusing(String key, String reason) {
    refusals.put(key, reason);
    return this;
  }

  /** The target allows {@code key} up front but refuses it when acting, on what it finds live. */
  public synchronized RecordingTarget refusingWhenActing(String key, String reason) {
    liveRefusals.put(key, reason);
    return this;
  }

  /** Performing {@code key} throws an IllegalStateException, as a bug in a target would. */
  public synchronized RecordingTarget breaking(String key, String message) {
    breakages.put(key, message);
    return this;
  }

  /** Every live-state read throws an IllegalStateException saying {@code message}, as a bug would. */
  public synchronized RecordingTarget breakingReads(String message) {
    brokenReads = message;
    return this;
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Keys performed, in order (each attempt, failed ones included). */
  public synchronized List<String> performed() {
    return calls.stream().filter(c -> c.method().equals("perform")).map(Call::key).toList();
  }

  public synchronized boolean isPresent(String key) {
    return present.contains(key);
  }

  @Override
  public Set<ActionKind> kinds() {
    return kinds;
  }

  @Override
  public synchronized boolean alreadyDone(ProposalItem proposal) {
    calls.add(new Call("alreadyDone", proposal.id()));
    if (brokenReads != null) throw new IllegalStateException(brokenReads);
    return present.contains(proposal.id());
  }

  @Override
  public synchronized String perform(ProposalItem proposal) throws IOException {
    calls.add(new Call("perform", proposal.id()));
    if (liveRefusals.containsKey(proposal.id())) throw new ActionRefused(liveRefusals.get(proposal.id()));
    if (breakages.containsKey(proposal.id())) throw new IllegalStateException(breakages.get(proposal.id()));
    String failure = failEverything != null ? failEverything : failures.get(proposal.id());
    if (failure != null) throw new IOException(failure);
    present.add(proposal.id());
    return "recorded " + proposal.id();
  }

  @Override
  public synchronized Optional<String> refusal(ProposalItem proposal) {
    calls.add(new Call("refusal", proposal.id()));
    return Optional.ofNullable(refusals.get(proposal.id()));
  }
}
