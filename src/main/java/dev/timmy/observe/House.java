package dev.timmy.observe;

import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.Quota;
import dev.timmy.facts.StaleFile;
import java.util.List;

/**
 * What the house sources read: host, models, loops, cleanup candidates and quotas. {@code gaps}
 * says what could not be read (each gap makes the cycle's snapshot partial).
 */
public record House(
    HostMetrics host, List<Disk> disks, List<ProcessInfo> processes, List<OllamaModel> models,
    OllamaDown ollamaDown, List<AutomationLoop> loops, List<StaleFile> staleFiles, List<Quota> quotas,
    List<String> gaps) {
  public House {
    disks = List.copyOf(disks);
    processes = List.copyOf(processes);
    models = List.copyOf(models);
    loops = List.copyOf(loops);
    staleFiles = List.copyOf(staleFiles);
    quotas = List.copyOf(quotas);
    gaps = gaps == null ? List.of() : List.copyOf(gaps);
  }

  /** A house read without gaps. */
  public House(
      HostMetrics host, List<Disk> disks, List<ProcessInfo> processes, List<OllamaModel> models,
      OllamaDown ollamaDown, List<AutomationLoop> loops, List<StaleFile> staleFiles, List<Quota> quotas) {
    this(host, disks, processes, models, ollamaDown, loops, staleFiles, quotas, List.of());
  }

  public static House empty() {
    return new House(null, List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of());
  }
}
