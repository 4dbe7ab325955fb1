package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Main;
import dev.timmy.api.Harness;
import dev.timmy.config.GiteaConfig;
import dev.timmy.config.Secrets;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assembling and starting the service: what it refuses, and what it says when it listens. */
class ServiceTest {
  @TempDir Path dir;

  private TimmyConfig demo() {
    return Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules"));
  }

  private static TimmyConfig with(TimmyConfig c, GiteaConfig gitea, ServiceConfig service) {
    return new TimmyConfig(c.owner(), c.agents(), gitea, c.house(), service, c.budgets(), c.journal());
  }

  private static ServiceConfig service(String rules, String fixtures, boolean live) {
    return new ServiceConfig(8377, "127.0.0.1", 60, live, rules, fixtures);
  }

  @Test
  void it_refuses_to_start_naming_every_problem_at_once() {
    TimmyConfig bad = with(demo(), null, service("rules", dir.resolve("no-such-house").toString(), false));
    ServiceException e = assertThrows(ServiceException.class,
        () -> Service.assemble(bad, Secrets.none(), ServeOptions.defaults().live(true).port(70_000)));
    String all = e.getMessage();
    assertTrue(all.contains("--live: expected a gitea: section"), all);
    assertTrue(all.contains("--port: expected 0..65535, found 70000"), all);
    assertTrue(all.contains("service.fixturesDir: expected the demo house"), all);
    assertEquals(3, e.problems().size(), all);
  }

  @Test
  void live_gitea_without_its_token_is_refused_naming_the_variable() {
    GiteaConfig gitea = GiteaConfig.builder("http://127.0.0.1:1", List.of("alex/app")).tokenEnv("MY_GITEA_TOKEN").build();
    ServiceException e = assertThrows(ServiceException.class,
        () -> Service.assemble(with(demo(), gitea, service("rules", "fixtures/demo", true)), Secrets.none(), ServeOptions.defaults()));
    assertTrue(e.getMessage().contains("MY_GITEA_TOKEN"), e.getMessage());
  }

  @Test
  void rules_that_do_not_compile_are_refused_with_file_and_line() throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("bad.drl"), "package timmy.policy;\n\nrule \"x\"\n  @id(\"X-1\") @title(\"x\")\nwhen\n  Nope( )\nthen\nend\n");
    ServiceException e = assertThrows(ServiceException.class,
        () -> Service.assemble(with(demo(), null, service(rules.toString(), "fixtures/demo", false)), Secrets.none(),
            ServeOptions.defaults()));
    assertTrue(e.getMessage().contains("do not compile"), e.getMessage());
    assertTrue(e.getMessage().contains("bad.drl:6:"), e.getMessage());
  }

  @Test
  void serve_says_where_it_listens_and_which_secrets_are_missing_then_stops_cleanly() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path config = dir.resolve("timmy.yml");
    Files.writeString(config, "owner:\n  login: alex\nagents:\n  - name: kimi\n    kind: KIMI\n    login: kimi-code\n"
        + "service:\n  port: 8377\njournal:\n  path: " + dir.resolve("served.db") + "\n");
    Serve serve = new Serve(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
    Service s = serve.start(config, ServeOptions.defaults().port(0));
    String said = out.toString(StandardCharsets.UTF_8);
    assertTrue(said.startsWith("Timmy listening on http://127.0.0.1:" + s.port() + " (dry-run, demo house, rules "), said);
    assertTrue(said.contains("TIMMY_ADMIN_TOKEN is unset") && said.contains("TIMMY_WEBHOOK_SECRET is unset"), said);
    s.close();
    assertTrue(s.awaitClosed(Duration.ofSeconds(5)));
    assertTrue(Files.exists(dir.resolve("served.db")), "the journal is where the config says");
  }

  @Test
  void a_port_in_use_is_refused_and_everything_is_closed(@TempDir Path other) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Service s = Service.assemble(demo(), Secrets.none(), ServeOptions.defaults().port(taken.getLocalPort()));
      ServiceException e = assertThrows(ServiceException.class, s::start);
      assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
      assertTrue(s.awaitClosed(Duration.ofSeconds(5)));
      assertTrue(!s.loop().status().started(), "no cycle runs without the API");
    }
  }

  @Test
  void the_cli_refuses_serve_and_snapshot_with_a_clear_message() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(1, Main.run(List.of("serve", "--config", dir.resolve("missing.yml").toString()), o, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot serve:"), err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("file not found"), err.toString(StandardCharsets.UTF_8));
    assertEquals(2, Main.run(List.of("serve", "--port", "eighty"), o, e));
    assertEquals(2, Main.run(List.of("snapshot"), o, e));
    err.reset();
    assertEquals(1, Main.run(List.of("snapshot", "--out", dir.resolve("rec").toString()), o, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("expected a config with a gitea: section"), err.toString(StandardCharsets.UTF_8));
  }
}
