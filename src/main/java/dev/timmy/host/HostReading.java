package dev.timmy.host;

import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.ProcessInfo;
import java.util.List;

/** What the host probe saw in one read. */
public record HostReading(HostMetrics metrics, List<Disk> disks, List<ProcessInfo> processes) {
  public HostReading {
    disks = List.copyOf(disks);
    processes = List.copyOf(processes);
  }
}
