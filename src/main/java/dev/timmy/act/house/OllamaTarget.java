package dev.timmy.act.house;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.Target;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Subjects;
import dev.timmy.host.OllamaClient;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Loads and unloads Ollama models. The model is the {@code model} parameter, else the subject
 * {@code model:<name>}. LOAD_MODEL keeps it for the {@code keepAlive} parameter (e.g. "30m",
 * default "30m"); UNLOAD_MODEL sends {@code keep_alive: 0}. Whether it is already done is asked of
 * {@code /api/ps}, not remembered.
 */
public final class OllamaTarget implements Target {
  private final OllamaClient ollama;
  private final String defaultKeepAlive;

  public OllamaTarget(OllamaClient ollama, String defaultKeepAlive) {
    this.ollama = ollama;
    this.defaultKeepAlive = defaultKeepAlive;
  }

  @Override
  public Set<ActionKind> kinds() {
    return Set.of(ActionKind.LOAD_MODEL, ActionKind.UNLOAD_MODEL);
  }

  /** A proposal without a model, or with a keepAlive Ollama would not take, is refused in dry-run too. */
  @Override
  public Optional<String> refusal(ProposalItem proposal) {
    try {
      model(proposal);
      if (proposal.kind() == ActionKind.LOAD_MODEL) keepAlive(proposal);
      return Optional.empty();
    } catch (ActionRefused e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public boolean alreadyDone(ProposalItem proposal) throws IOException {
    boolean loaded = ollama.loaded(model(proposal));
    return proposal.kind() == ActionKind.LOAD_MODEL ? loaded : !loaded;
  }

  @Override
  public String perform(ProposalItem proposal) throws IOException {
    String model = model(proposal);
    if (proposal.kind() == ActionKind.UNLOAD_MODEL) {
      OllamaClient.Generated reply = ollama.generate(model, "0");
      if (!reply.done() || !reply.doneReason().equals("unload")) {
        throw new IOException("unload of " + model + ": expected done with done_reason \"unload\", found done="
            + reply.done() + " done_reason=\"" + reply.doneReason() + "\"");
      }
      return "unloaded " + model;
    }
    if (proposal.kind() != ActionKind.LOAD_MODEL) {
      throw new ActionRefused("OllamaTarget: expected LOAD_MODEL or UNLOAD_MODEL, found " + proposal.kind());
    }
    String keepAlive = keepAlive(proposal);
    OllamaClient.Generated reply = ollama.generate(model, keepAlive);
    if (!reply.done()) throw new IOException("load of " + model + ": expected done=true, found done=false");
    return "loaded " + model + " for " + keepAlive;
  }

  private String keepAlive(ProposalItem p) throws ActionRefused {
    String keepAlive = p.param("keepAlive").isBlank() ? defaultKeepAlive : p.param("keepAlive");
    if (!keepAlive.matches("\\d+[smh]|-1")) {
      throw new ActionRefused("keepAlive of " + p.id() + ": expected a duration like 30m or -1, found " + keepAlive);
    }
    return keepAlive;
  }

  private static String model(ProposalItem p) throws ActionRefused {
    String m = p.param("model");
    if (!m.isBlank()) return m;
    return Subjects.modelName(p.subject()).orElseThrow(
        () -> new ActionRefused(p.id() + ": expected subject model:<name> or a model parameter, found " + p.subject()));
  }
}
