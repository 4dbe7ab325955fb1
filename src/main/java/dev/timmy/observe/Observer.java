package dev.timmy.observe;

import dev.timmy.facts.Snapshot;
import java.io.IOException;

/**
 * Where a cycle's snapshot comes from: the live sources ({@link LiveObserver}: Gitea, host, Ollama)
 * or the demo house ({@link DemoHouse}). It returns what was observed, nothing derived (the cycle's
 * derive stage counts that). A failure to observe fails the cycle, which then acts on nothing.
 */
@FunctionalInterface
public interface Observer {
  Snapshot observe() throws IOException;
}
