package dev.timmy.act.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.ActionRefused;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.StaleFile;
import dev.timmy.host.CleanupRoots;
import dev.timmy.observe.house.CleanupScanner;
import dev.timmy.observe.house.CleanupTree;
import dev.timmy.host.OpenFiles;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletion on a real tree: every trick must leave everything outside the root untouched. */
class FileTargetTest {
  @TempDir Path tmp;
  CleanupTree tree;
  FileTarget target;

  @BeforeEach
  void build() throws Exception {
    tree = new CleanupTree(tmp);
    target = new FileTarget(new CleanupRoots(tree.config()), OpenFiles.viaProc(), Clock.systemUTC());
  }

  @AfterEach
  void nothing_outside_the_root_was_touched() throws Exception {
    assertTrue(tree.outsideIntact(), "files outside the root are intact");
  }

  static ProposalItem delete(String path) {
    return new ProposalItem("DELETE_FILE:file:" + path, ActionKind.DELETE_FILE, "file:" + path, Map.of(), "HOUSE-006",
        "t", "t", List.of(), List.of());
  }

  String refusal(String path) {
    return assertThrows(ActionRefused.class, () -> target.perform(delete(path))).getMessage();
  }

  @Test
  void an_old_file_below_the_root_is_deleted_and_the_outcome_names_path_size_and_age() throws Exception {
    Path old = tree.root.resolve("old.log");
    assertFalse(target.alreadyDone(delete(old.toString())));
    String outcome = target.perform(delete(old.toString()));
    assertTrue(outcome.startsWith("deleted " + old + " (4096 bytes, 40 days old, modified "), outcome);
    assertFalse(Files.exists(old));
    assertTrue(target.alreadyDone(delete(old.toString())));
  }

  @Test
  void a_file_in_a_subdirectory_is_deleted() throws Exception {
    target.perform(delete(tree.root.resolve("sub/deep.log").toString()));
    assertFalse(Files.exists(tree.root.resolve("sub/deep.log")));
    assertTrue(Files.isDirectory(tree.root.resolve("sub")), "only the file goes");
  }

  @Test
  void a_path_climbing_out_with_dot_dot_is_refused() {
    String path = tree.root + "/../outside/secret.log";
    assertEquals("refused " + path + ": contains a .. segment", refusal(path));
  }

  @Test
  void an_absolute_path_outside_every_root_is_refused() {
    String path = tree.outside.resolve("secret.log").toString();
    assertEquals("refused " + path + ": not below a configured cleanup root", refusal(path));
    assertTrue(refusal("/etc/passwd").contains("not below a configured cleanup root"));
    assertTrue(refusal("relative/old.log").contains("not an absolute path"));
    assertTrue(refusal(tree.root + "//old.log").contains("not normalized"));
  }

  @Test
  void a_link_inside_the_root_to_a_file_outside_is_refused_and_both_stay() {
    Path link = tree.root.resolve("link-to-outside.log");
    assertEquals("refused " + link + ": " + link + " is a symbolic link", refusal(link.toString()));
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void a_file_reached_through_a_linked_directory_is_refused() {
    String path = tree.root.resolve("linkdir/other.log").toString();
    assertEquals("refused " + path + ": " + tree.root.resolve("linkdir") + " is a symbolic link", refusal(path));
  }

  @Test
  void the_root_itself_is_never_deleted() {
    assertTrue(refusal(tree.root.toString()).contains("not below a configured cleanup root"));
  }

  @Test
  void a_file_that_became_a_link_between_scan_and_delete_is_refused() throws Exception {
    Path victim = tree.old(tree.root.resolve("victim.log"), 300);
    List<StaleFile> scanned = new CleanupScanner(new CleanupRoots(tree.config()), OpenFiles.viaProc(), 100).read(tree.now).files();
    assertTrue(scanned.stream().anyMatch(f -> f.path().equals(victim.toString())), "the scan saw a plain file");

    Files.delete(victim);
    Files.createSymbolicLink(victim, tree.outside.resolve("secret.log"));

    assertEquals("refused " + victim + ": " + victim + " is a symbolic link", refusal(victim.toString()));
    assertTrue(Files.isSymbolicLink(victim), "the link itself stays too");
  }

  @Test
  void a_directory_swapped_for_a_link_between_scan_and_delete_is_refused() throws Exception {
    Path deep = tree.root.resolve("sub/deep.log");
    List<StaleFile> scanned = new CleanupScanner(new CleanupRoots(tree.config()), OpenFiles.viaProc(), 100).read(tree.now).files();
    assertTrue(scanned.stream().anyMatch(f -> f.path().equals(deep.toString())));

    Files.move(tree.root.resolve("sub"), tree.base.resolve("sub-moved"));
    Files.createSymbolicLink(tree.root.resolve("sub"), tree.outside);

    assertEquals("refused " + deep + ": " + tree.root.resolve("sub") + " is a symbolic link", refusal(deep.toString()));
    assertTrue(Files.exists(tree.outside.resolve("deep.log"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void a_file_rewritten_since_the_scan_is_too_young_to_delete() {
    String path = tree.root.resolve("young.log").toString();
    assertTrue(refusal(path).contains("younger than the root's 7 days"), refusal(path));
    assertTrue(Files.exists(Path.of(path)));
  }

  @Test
  void a_file_held_open_is_refused() throws Exception {
    Path old = tree.root.resolve("old.log");
    try (FileChannel ch = FileChannel.open(old, StandardOpenOption.READ)) {
      assertEquals("refused " + old + ": open by a running process", refusal(old.toString()));
    }
    assertTrue(Files.exists(old));
  }

  @Test
  void where_open_files_cannot_be_told_nothing_is_deleted() {
    target = new FileTarget(new CleanupRoots(tree.config()), OpenFiles.unavailable(), Clock.systemUTC());
    Path old = tree.root.resolve("old.log");
    assertTrue(refusal(old.toString()).contains("cannot tell whether it is open"));
    assertTrue(Files.exists(old));
  }

  @Test
  void a_path_parameter_that_disagrees_with_the_subject_is_refused() {
    Path old = tree.root.resolve("old.log");
    ProposalItem p = new ProposalItem("x", ActionKind.DELETE_FILE, "file:" + old, Map.of("path", tree.outside.resolve("secret.log").toString()),
        "HOUSE-006", "t", "t", List.of(), List.of());
    assertThrows(ActionRefused.class, () -> target.perform(p));
    assertTrue(Files.exists(old));
  }

  @Test
  void a_directory_swapped_after_the_check_cannot_redirect_the_unlink_either_way() throws Exception {
    for (boolean secure : List.of(true, false)) {
      Path sub = Files.createDirectories(tree.root.resolve("race-" + secure));
      Path file = tree.old(sub.resolve("deep.log"), 500);
      FileTarget t = new FileTarget(new CleanupRoots(tree.config()), OpenFiles.viaProc(), Clock.systemUTC(), secure);
      CleanupRoots.Checked checked = new CleanupRoots(tree.config()).check(file.toString());

      Files.move(sub, tree.base.resolve("moved-" + secure));
      Files.createSymbolicLink(sub, tree.outside);

      String why = assertThrows(ActionRefused.class, () -> t.delete(checked)).getMessage();
      assertTrue(why.startsWith("refused " + file + ": "), why);
    }
  }

  @Test
  void a_file_swapped_for_a_link_after_the_check_is_not_followed_either_way() throws Exception {
    for (boolean secure : List.of(true, false)) {
      Path file = tree.old(tree.root.resolve("swap-" + secure + ".log"), 500);
      FileTarget t = new FileTarget(new CleanupRoots(tree.config()), OpenFiles.viaProc(), Clock.systemUTC(), secure);
      CleanupRoots.Checked checked = new CleanupRoots(tree.config()).check(file.toString());

      Files.delete(file);
      Files.createSymbolicLink(file, tree.outside.resolve("secret.log"));

      String why = assertThrows(ActionRefused.class, () -> t.delete(checked)).getMessage();
      assertTrue(why.startsWith("refused " + file + ": "), why);
    }
  }

  @Test
  void the_linux_way_is_the_secure_directory_stream() throws Exception {
    try (var ds = Files.newDirectoryStream(tree.root)) {
      assertTrue(ds instanceof java.nio.file.SecureDirectoryStream, "this JDK on Linux offers openat-based deletion");
    }
  }

  @Test
  void a_root_that_became_a_link_to_etc_refuses_every_deletion_at_act_time() throws Exception {
    Path alias = Files.createSymbolicLink(tree.base.resolve("alias"), tree.root);
    FileTarget viaAlias = new FileTarget(new CleanupRoots(List.of(new dev.timmy.config.HouseConfig.CleanupRoot(alias.toString(), 7, null))),
        OpenFiles.viaProc(), Clock.systemUTC());
    Files.delete(alias);
    Files.createSymbolicLink(alias, Path.of("/etc"));
    for (String path : List.of("/etc/passwd", alias + "/passwd")) {
      String why = assertThrows(ActionRefused.class, () -> viaAlias.perform(delete(path))).getMessage();
      assertTrue(why.contains("refused cleanup root " + alias), why);
    }
    assertTrue(Files.exists(Path.of("/etc/passwd")));
  }

  @Test
  void dry_run_refuses_what_live_would_refuse_without_touching_anything() throws Exception {
    assertTrue(target.refusal(delete("/etc/passwd")).orElse("").contains("not below a configured cleanup root"));
    assertTrue(target.refusal(delete(tree.root + "/link-to-outside.log")).orElse("").contains("is a symbolic link"));
    assertTrue(target.refusal(delete(tree.root + "/young.log")).orElse("").contains("younger than the root's 7 days"));
    assertTrue(target.refusal(delete(tree.root + "/linkdir/secret.log")).orElse("").contains("is a symbolic link"));
    assertEquals(java.util.Optional.empty(), target.refusal(delete(tree.root + "/old.log")), "live would delete it");
    assertEquals(java.util.Optional.empty(), target.refusal(delete(tree.root + "/gone.log")), "already gone: done, not refused");
    assertTrue(Files.exists(tree.root.resolve("old.log")) && Files.exists(tree.root.resolve("young.log")));
  }
}
