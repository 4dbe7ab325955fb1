package dev.timmy.api;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Disk;
import dev.timmy.facts.Issue;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.StaleFile;
import dev.timmy.facts.Subjects;

/**
 * How the API names what a snapshot holds, the same way the rules do: {@code owner/repo#N},
 * {@code agent:NAME}, {@code host}, {@code disk:MOUNT}, {@code model:NAME}, {@code loop:NAME},
 * {@code file:PATH}, {@code process:PID}, each spelled by {@link Subjects}.
 */
final class Catalog {
  static final String HOST = Subjects.HOST;

  private Catalog() {}

  static String agent(Agent a) {
    return Subjects.agent(a.name());
  }

  static String disk(Disk d) {
    return Subjects.disk(d.mount());
  }

  static String model(OllamaModel m) {
    return Subjects.model(m.name());
  }

  static String loop(AutomationLoop l) {
    return Subjects.loop(l.name());
  }

  static String file(StaleFile f) {
    return Subjects.file(f.path());
  }

  static String process(ProcessInfo p) {
    return Subjects.process(p.pid());
  }

  /** True when {@code subject} names something in the snapshot. */
  static boolean knows(Snapshot s, String subject) {
    if (subject.equals(HOST)) return s.host() != null || s.ollamaDown() != null;
    return title(s, subject) != null
        || s.agents().stream().anyMatch(a -> agent(a).equals(subject))
        || s.disks().stream().anyMatch(d -> disk(d).equals(subject))
        || s.models().stream().anyMatch(m -> model(m).equals(subject))
        || s.loops().stream().anyMatch(l -> loop(l).equals(subject))
        || s.staleFiles().stream().anyMatch(f -> file(f).equals(subject))
        || s.processes().stream().anyMatch(p -> process(p).equals(subject));
  }

  /** The title of an issue or pull request, null for anything else. */
  static String title(Snapshot s, String subject) {
    for (Issue i : s.issues()) if (i.subject().equals(subject)) return i.title();
    for (PullRequest p : s.pulls()) if (p.subject().equals(subject)) return p.title();
    return null;
  }
}
