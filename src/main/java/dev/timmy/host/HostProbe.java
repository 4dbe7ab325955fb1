package dev.timmy.host;

import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.ProcessInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Memory, swap, CPU, file systems and the watched processes, through OSHI (macOS and Linux
 * alike). One instance lives as long as Timmy: the first {@link SystemInfo} costs ~150 ms, and
 * the CPU load is computed between this read and the previous one instead of sleeping for a
 * sample. The very first read has no previous tick and falls back to the 1-minute load average
 * divided by the number of CPUs (or -1 where the OS has none).
 */
public final class HostProbe {
  private final SystemInfo system = new SystemInfo();
  private final ProcessNames names;
  private final Set<String> mounts;
  private long[] previousTicks;
  private Map<Integer, OSProcess> previousProcesses = Map.of();

  /** {@code mounts} empty means every local file system with a size. */
  public HostProbe(Collection<String> processNames, Collection<String> mounts) {
    this.names = new ProcessNames(processNames);
    this.mounts = new LinkedHashSet<>(mounts);
  }

  public synchronized HostReading read() {
    OperatingSystem os = system.getOperatingSystem();
    CentralProcessor cpu = system.getHardware().getProcessor();
    GlobalMemory memory = system.getHardware().getMemory();
    HostMetrics metrics = new HostMetrics(
        os.getNetworkParams().getHostName(), os.getFamily(), memory.getTotal(), memory.getAvailable(),
        memory.getVirtualMemory().getSwapTotal(), memory.getVirtualMemory().getSwapUsed(),
        cpuLoad(cpu), cpu.getLogicalProcessorCount());
    return new HostReading(metrics, disks(os), processes(os));
  }

  private double cpuLoad(CentralProcessor cpu) {
    long[] ticks = cpu.getSystemCpuLoadTicks();
    double load;
    if (previousTicks != null) {
      load = cpu.getSystemCpuLoadBetweenTicks(previousTicks, ticks);
    } else {
      double avg = cpu.getSystemLoadAverage(1)[0];
      load = avg < 0 ? -1 : Math.min(1.0, avg / Math.max(1, cpu.getLogicalProcessorCount()));
    }
    previousTicks = ticks;
    return Double.isNaN(load) ? -1 : load;
  }

  private List<Disk> disks(OperatingSystem os) {
    List<Disk> out = new ArrayList<>();
    for (OSFileStore fs : os.getFileSystem().getFileStores(true)) {
      if (fs.getTotalSpace() <= 0) continue;
      if (!mounts.isEmpty() && !mounts.contains(fs.getMount())) continue;
      out.add(new Disk(fs.getMount(), fs.getTotalSpace(), fs.getUsableSpace()));
    }
    out.sort(Comparator.comparing(Disk::mount));
    return out;
  }

  private List<ProcessInfo> processes(OperatingSystem os) {
    if (names.isEmpty()) return List.of();
    Map<Integer, OSProcess> seen = new HashMap<>();
    List<ProcessInfo> out = new ArrayList<>();
    for (OSProcess p : os.getProcesses(p -> true, null, 0)) {
      Optional<String> name = names.match(p.getName(), p.getPath());
      if (name.isEmpty()) continue;
      seen.put(p.getProcessID(), p);
      out.add(new ProcessInfo(p.getProcessID(), name.get(), p.getUser(), p.getResidentMemory(),
          100 * cpuOf(p), p.getStartTime() > 0 ? Instant.ofEpochMilli(p.getStartTime()) : null));
    }
    previousProcesses = seen;
    out.sort(Comparator.comparing(ProcessInfo::name).thenComparingLong(ProcessInfo::pid));
    return out;
  }

  /** Fraction of one CPU since the previous read, or since the process started on the first. */
  private double cpuOf(OSProcess p) {
    OSProcess before = previousProcesses.get(p.getProcessID());
    if (before != null && before.getStartTime() == p.getStartTime()) return p.getProcessCpuLoadBetweenTicks(before);
    return p.getProcessCpuLoadCumulative();
  }
}
