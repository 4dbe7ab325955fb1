package dev.timmy.service;

import dev.timmy.act.Target;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import java.util.EnumSet;
import java.util.Set;

/**
 * The demo house's target: it takes every action kind, so dry-run journals WOULD_DO, and it
 * remembers nothing, so a demo served for weeks holds no growing record of calls (unlike
 * {@code RecordingTarget}, which keeps every call for tests to read). The demo is dry-run only, so
 * nothing is ever performed.
 */
final class DemoTarget implements Target {
  @Override
  public Set<ActionKind> kinds() {
    return EnumSet.allOf(ActionKind.class);
  }

  /** Nothing of the demo is ever in a live world. */
  @Override
  public boolean alreadyDone(ProposalItem proposal) {
    return false;
  }

  @Override
  public String perform(ProposalItem proposal) {
    throw new IllegalStateException("the demo house is dry-run only: " + proposal.id() + " cannot be performed");
  }
}
