package dev.timmy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The launchd agent and the systemd unit start the same command, one the CLI understands, and
 * both restart Timmy on failure only.
 */
class DeployFilesTest {
  private static final Path PLIST = Path.of("deploy/dev.timmy.plist");
  private static final Path UNIT = Path.of("deploy/timmy.service");

  @Test
  void the_launchd_agent_runs_serve_with_a_config_and_restarts_on_failure_only() throws Exception {
    List<String> args = plistArguments();
    assertEquals("/usr/bin/java", args.get(0));
    List<String> words = afterJar(args);
    assertEquals(List.of("serve", "--config"), words.subList(0, 2), args.toString());
    String plist = Files.readString(PLIST);
    assertTrue(plist.matches("(?s).*<key>SuccessfulExit</key>\\s*<false/>.*"), "KeepAlive only after a failure");
  }

  @Test
  void the_systemd_unit_runs_the_same_command_and_restarts_on_failure() throws Exception {
    List<String> lines = Files.readAllLines(UNIT);
    String exec = lines.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring(10);
    List<String> words = afterJar(Arrays.asList(exec.split(" ")));
    assertEquals(afterJar(plistArguments()).subList(0, 2), words.subList(0, 2));
    assertTrue(lines.contains("Restart=on-failure"), lines.toString());
  }

  @Test
  void the_command_both_start_is_one_the_cli_accepts() {
    // With a config that does not exist the CLI answers with a config problem (exit 1), not a usage error (exit 2).
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("serve", "--config", "/nonexistent/timmy.yml", "--port", "0"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> afterJar(List<String> args) {
    int jar = args.indexOf("-jar");
    assertTrue(jar > 0, "runs a jar: " + args);
    return args.subList(jar + 2, args.size());
  }

  private static List<String> plistArguments() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    NodeList keys = f.newDocumentBuilder().parse(PLIST.toFile()).getElementsByTagName("key");
    for (int i = 0; i < keys.getLength(); i++) {
      if (!keys.item(i).getTextContent().equals("ProgramArguments")) continue;
      org.w3c.dom.Node array = keys.item(i).getNextSibling();
      while (!(array instanceof Element)) array = array.getNextSibling();
      List<String> out = new ArrayList<>();
      NodeList strings = ((Element) array).getElementsByTagName("string");
      for (int j = 0; j < strings.getLength(); j++) out.add(strings.item(j).getTextContent());
      return out;
    }
    throw new AssertionError("no ProgramArguments in " + PLIST);
  }
}
