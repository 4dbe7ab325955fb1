package dev.timmy.act;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import java.io.IOException;
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
}
