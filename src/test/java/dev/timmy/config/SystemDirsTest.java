package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemDirsTest {
  private static final String HOME = "/home/timmy";

  @Test
  void system_trees_are_refused_with_everything_below_them_on_linux_and_macos() {
    for (String dir : List.of("/etc", "/etc/nginx", "/usr", "/usr/local/var/log", "/bin", "/sbin", "/lib", "/lib64",
        "/lib/x86_64-linux-gnu", "/boot", "/proc", "/sys", "/dev", "/System", "/System/Library", "/private/etc",
        "/private/etc/ssh", "/ETC", "/Usr/Local")) {
      assertTrue(SystemDirs.refusal(Path.of(dir), HOME).isPresent(), dir + " must be refused");
    }
  }

  @Test
  void shared_tops_and_home_directories_are_refused_themselves_but_not_what_lies_below() {
    for (String dir : List.of("/", "/var", "/opt", "/root", "/home", "/Users", "/Library", "/Applications",
        "/private/var", "/tmp", "/home/alex", "/Users/alex", HOME)) {
      assertTrue(SystemDirs.refusal(Path.of(dir), HOME).isPresent(), dir + " must be refused");
    }
    for (String dir : List.of("/var/log/agents", "/opt/agents/logs", "/home/alex/agents/logs", "/Users/alex/Library/Caches/timmy",
        HOME + "/.cache/timmy", "/tmp/timmy-logs", "/private/var/folders/x/T/timmy")) {
      assertEquals(Optional.empty(), SystemDirs.refusal(Path.of(dir), HOME), dir + " may be a root");
    }
  }

  @Test
  void a_directory_holding_home_is_refused_even_outside_the_usual_places() {
    assertTrue(SystemDirs.refusal(Path.of("/data"), "/data/people/timmy").isPresent());
    assertTrue(SystemDirs.refusal(Path.of("/data/people/timmy"), "/data/people/timmy").isPresent());
    assertEquals(Optional.empty(), SystemDirs.refusal(Path.of("/data/people/timmy/logs"), "/data/people/timmy"));
  }

  @Test
  void a_link_to_a_system_directory_is_refused_by_its_real_path(@TempDir Path tmp) throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("logs"), Path.of("/etc"));
    Optional<String> why = SystemDirs.refusalResolved(link);
    assertTrue(why.orElse("").contains("resolves to /etc"), why.toString());
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertEquals(Optional.empty(), SystemDirs.refusalResolved(plain));
    assertEquals(Optional.empty(), SystemDirs.refusalResolved(tmp.resolve("absent")), "absent: checked at each scan");
    for (String home : SystemDirs.homes()) {
      assertTrue(SystemDirs.refusalResolved(Path.of(home)).isPresent(), "this user's home " + home);
    }
  }
}
