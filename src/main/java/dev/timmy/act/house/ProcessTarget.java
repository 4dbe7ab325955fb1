package dev.timmy.act.house;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.Target;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Subjects;
import dev.timmy.host.ProcessNames;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops one process: subject {@code process:<pid>}, parameter {@code name} (the configured name it
 * was seen under). Refused unless the live process's executable (never its arguments) still
 * answers to that name, the name is in {@code house.stoppableProcesses}, it runs as Timmy's own
 * user, and it is neither Timmy, nor the process that started Timmy, nor pid 1. SIGTERM
 * first ({@link ProcessHandle#destroy}); SIGKILL after the grace period if it is still alive.
 * A check that fails is a refusal ({@link ActionRefused}); a process that survives SIGKILL a failure.
 */
public final class ProcessTarget implements Target {
  private final ProcessNames stoppable;
  private final Duration grace;
  private final String user;

  public ProcessTarget(Collection<String> stoppableNames, Duration grace) {
    this(stoppableNames, grace, System.getProperty("user.name"));
  }

  /** {@code user} is whose processes may be stopped: Timmy's own. */
  ProcessTarget(Collection<String> stoppableNames, Duration grace, String user) {
    this.stoppable = new ProcessNames(stoppableNames);
    this.grace = grace;
    this.user = user;
  }

  @Override
  public Set<ActionKind> kinds() {
    return Set.of(ActionKind.STOP_PROCESS);
  }

  /**
   * Every check {@link #perform} makes, without a signal, so dry-run refuses what live refuses: no
   * pid, pid 1 or Timmy, a name not on the list, and for a running process an executable that is
   * not that name or another user's. A process already gone is no refusal: it is done.
   */
  @Override
  public Optional<String> refusal(ProposalItem proposal) {
    try {
      long pid = pid(proposal);
      String name = proposal.param("name");
      if (name.isBlank() || stoppable.match(name).isEmpty()) {
        throw new ActionRefused("refused to stop " + proposal.subject() + ": name \"" + name
            + "\" is not among house.stoppableProcesses");
      }
      Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (h.isPresent()) check(h.get(), name);
      return Optional.empty();
    } catch (ActionRefused e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public boolean alreadyDone(ProposalItem proposal) throws ActionRefused {
    return ProcessHandle.of(pid(proposal)).map(h -> !h.isAlive()).orElse(true);
  }

  @Override
  public String perform(ProposalItem proposal) throws IOException {
    long pid = pid(proposal);
    String name = proposal.param("name");
    ProcessHandle h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .orElseThrow(() -> new ActionRefused("process " + pid + " is not running"));
    check(h, name);
    h.destroy();
    if (waitFor(h, grace)) return "stopped " + name + " (pid " + pid + ") with SIGTERM";
    h.destroyForcibly();
    if (waitFor(h, Duration.ofSeconds(5))) {
      return "stopped " + name + " (pid " + pid + ") with SIGKILL after " + grace.toSeconds() + " s of SIGTERM";
    }
    throw new IOException("process " + pid + " (" + name + ") still alive after SIGTERM and SIGKILL");
  }

  private void check(ProcessHandle h, String name) throws ActionRefused {
    long pid = h.pid();
    if (pid == ProcessHandle.current().pid()) throw new ActionRefused("refused to stop pid " + pid + ": it is Timmy");
    if (ProcessHandle.current().parent().map(p -> p.pid() == pid).orElse(false)) {
      throw new ActionRefused("refused to stop pid " + pid + ": it started Timmy");
    }
    ProcessHandle.Info info = h.info();
    // The executable alone says what a process is; its arguments never do.
    Optional<String> matched = stoppable.match(info.command().orElse(""));
    if (matched.isEmpty()) {
      throw new ActionRefused("refused to stop pid " + pid + ": " + info.command().orElse("(command unknown)")
          + " is not among house.stoppableProcesses");
    }
    if (!matched.get().equalsIgnoreCase(name)) {
      throw new ActionRefused("refused to stop pid " + pid + ": it is " + matched.get() + " now, the proposal says " + name);
    }
    String owner = info.user().orElse("");
    if (!owner.equals(user)) {
      throw new ActionRefused("refused to stop pid " + pid + ": it belongs to " + (owner.isEmpty() ? "an unknown user" : owner)
          + ", not " + user);
    }
  }

  private static boolean waitFor(ProcessHandle h, Duration d) {
    try {
      h.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !h.isAlive();
    } catch (ExecutionException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    }
  }

  private static long pid(ProposalItem p) throws ActionRefused {
    long pid = Subjects.pid(p.subject())
        .orElseThrow(() -> new ActionRefused(p.id() + ": expected subject process:<pid>, found " + p.subject()));
    if (pid <= 1) throw new ActionRefused("refused to stop pid " + pid + ": it is the system's init process");
    if (pid == ProcessHandle.current().pid()) throw new ActionRefused("refused to stop pid " + pid + ": it is Timmy");
    return pid;
  }
}
