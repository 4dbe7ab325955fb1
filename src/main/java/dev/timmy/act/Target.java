package dev.timmy.act;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * One family of real effects (Gitea, Ollama, files, loops). The executor asks {@link #alreadyDone}
 * on live state before every {@link #perform}, so a crash or a lost journal never repeats a write.
 */
public interface Target {
  Set<ActionKind> kinds();

  /** True when the proposal's effect is already present in the live state. */
  boolean alreadyDone(ProposalItem proposal) throws IOException;

  /** Carries the proposal out; returns a short outcome in words. */
  String perform(ProposalItem proposal) throws IOException;

  /**
   * This target for one action: what {@link #refusal}, {@link #alreadyDone} and {@link #perform}
   * read from the world may be read once and shared between them (the executor asks for it once
   * per action, right before the guard's review). The default shares nothing.
   */
  default Target oneAction() {
    return this;
  }

  /**
   * Why this target will not carry the proposal out at all (a path outside the configured roots,
   * a process not on the list, a loop not in the config…), or empty. The authority asks it in
   * dry-run too, so such refusals are journaled without anything being touched.
   */
  default Optional<String> refusal(ProposalItem proposal) throws IOException {
    return Optional.empty();
  }
}
