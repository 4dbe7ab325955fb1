package dev.timmy.cycle;

import dev.timmy.facts.Snapshot;
import java.io.IOException;

/**
 * Where a cycle's snapshot comes from: the live sources (Gitea, host, Ollama) or the demo house.
 * A failure to observe fails the cycle, which then acts on nothing.
 */
@FunctionalInterface
public interface Observer {
  Snapshot observe() throws IOException;
}
