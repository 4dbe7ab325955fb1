package dev.timmy.observe.house;

import dev.timmy.host.CleanupRoots;
import dev.timmy.host.OpenFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.HouseConfig.CleanupRoot;
import dev.timmy.facts.StaleFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanupScannerTest {
  @TempDir Path tmp;
  CleanupTree tree;

  @BeforeEach
  void build() throws Exception {
    tree = new CleanupTree(tmp);
  }

  CleanupReading scan(List<CleanupRoot> roots, OpenFiles open) {
    return new CleanupScanner(new CleanupRoots(roots), open, 100).read(tree.now);
  }

  static List<String> paths(CleanupReading r) {
    return r.files().stream().map(StaleFile::path).sorted().toList();
  }

  @Test
  void old_regular_files_below_the_root_are_found_and_links_are_never_followed() throws Exception {
    CleanupReading r = scan(tree.config(), OpenFiles.viaProc());
    assertEquals(List.of(), r.gaps());
    assertEquals(List.of(tree.root + "/old.log", tree.root + "/sub/deep.log"), paths(r));
    StaleFile old = r.files().stream().filter(f -> f.path().endsWith("/old.log")).findFirst().orElseThrow();
    assertEquals(4096, old.sizeBytes());
    assertEquals(tree.root.toString(), old.root());
    assertFalse(old.openByProcess());
    assertTrue(r.files().stream().noneMatch(f -> f.path().startsWith(tree.outside.toString())), "nothing outside the root");
  }

  @Test
  void a_root_that_is_itself_a_link_is_scanned_at_its_real_path() throws Exception {
    Path alias = Files.createSymbolicLink(tree.base.resolve("alias"), tree.root);
    CleanupReading r = scan(List.of(new CleanupRoot(alias.toString(), 7, null)), OpenFiles.viaProc());
    assertEquals(List.of(tree.root + "/old.log", tree.root + "/sub/deep.log"), paths(r));
  }

  @Test
  void max_depth_bounds_the_walk() {
    CleanupReading r = scan(List.of(new CleanupRoot(tree.root.toString(), 7, 1)), OpenFiles.viaProc());
    assertEquals(List.of(tree.root + "/old.log"), paths(r));
  }

  @Test
  void a_file_this_jvm_holds_open_is_reported_as_open_via_proc_and_via_lsof() throws Exception {
    Path held = tree.old(tree.root.resolve("held.log"), 100);
    try (FileChannel ch = FileChannel.open(held, StandardOpenOption.READ)) {
      assertTrue(scan(tree.config(), OpenFiles.viaProc()).files().stream()
          .anyMatch(f -> f.path().equals(held.toString()) && f.openByProcess()), "seen in /proc/*/fd");
      assertEquals(Optional.of(true), OpenFiles.viaProc().isOpen(held));
      Optional<String> lsof = OpenFiles.lsof();
      if (lsof.isPresent()) {
        assertTrue(OpenFiles.viaLsof(lsof.get()).openUnder(tree.root).contains(held), "seen by lsof +D");
        assertEquals(Optional.of(true), OpenFiles.viaLsof(lsof.get()).isOpen(held));
      }
    }
    assertEquals(Optional.of(false), OpenFiles.viaProc().isOpen(held));
    OpenFiles.lsof().ifPresent(l -> {
      try {
        assertEquals(Optional.of(false), OpenFiles.viaLsof(l).isOpen(held));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void without_a_way_to_tell_open_files_the_gap_says_so() {
    CleanupReading r = scan(tree.config(), OpenFiles.unavailable());
    assertEquals(List.of("cleanup: this OS cannot tell which files are open (nothing (no /proc and no lsof))"), r.gaps());
  }

  @Test
  void a_missing_root_is_a_gap_not_a_failure() {
    CleanupReading r = scan(List.of(new CleanupRoot(tree.base.resolve("gone").toString(), 7, null)), OpenFiles.viaProc());
    assertEquals(List.of(), r.files());
    assertEquals(1, r.gaps().size());
    assertTrue(r.gaps().get(0).startsWith("cleanup: root " + tree.base.resolve("gone") + " could not be scanned"), r.gaps().get(0));
  }

  @Test
  void a_root_swapped_for_a_link_to_a_system_directory_after_start_is_a_gap_and_yields_nothing() throws Exception {
    Path alias = Files.createSymbolicLink(tree.base.resolve("alias"), tree.root);
    List<CleanupRoot> roots = List.of(new CleanupRoot(alias.toString(), 7, null));
    assertEquals(2, scan(roots, OpenFiles.viaProc()).files().size(), "through the link to its own tree first");
    Files.delete(alias);
    Files.createSymbolicLink(alias, Path.of("/etc"));
    CleanupReading r = scan(roots, OpenFiles.viaProc());
    assertEquals(List.of(), r.files());
    assertEquals(1, r.gaps().size(), r.gaps().toString());
    assertTrue(r.gaps().get(0).contains("resolves to /etc, which is inside the system directory /etc"), r.gaps().get(0));
  }
}
