package dev.timmy.decide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.InternalKieBuilder;

/**
 * Compiles every {@code *.drl} of a directory from disk (classic DRL build: its errors carry file
 * and line) and checks what the engine does not: every rule has a unique {@code @id} and a
 * {@code @title}. Before the engine sees a file, {@link RuleSandbox} refuses what a rule may not use
 * and {@link RuleLint} what a rule waits for that no rule produces.
 */
final class RuleCompiler {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
  private static final AtomicLong BUILDS = new AtomicLong();

  private RuleCompiler() {}

  static RuleSet compile(Path dir) throws RuleErrors {
    Map<String, String> sources = read(dir);
    if (sources.isEmpty()) {
      throw new RuleErrors(List.of(new RuleError(dir.toString(), 0, "no .drl files in the rules directory")));
    }
    List<RuleError> refused = new ArrayList<>();
    sources.forEach((file, text) -> refused.addAll(RuleSandbox.check(file, text)));
    if (!refused.isEmpty()) throw new RuleErrors(refused);
    List<RuleError> unmet = RuleLint.check(sources);
    if (!unmet.isEmpty()) throw new RuleErrors(unmet);
    KieServices ks = KieServices.Factory.get();
    ReleaseId release = ks.newReleaseId("dev.timmy.rules", "policy", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(release);
    Map<String, String> writtenAs = new HashMap<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Matcher m = PACKAGE.matcher(source.getValue());
      String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
      String path = "src/main/resources/" + folder + source.getKey();
      writtenAs.put(folder + source.getKey(), source.getKey());
      kfs.write(path, source.getValue());
    }
    try {
      // A changed fact is told to a live session as the new value of its handle (RuleSession):
      // every pattern on its type must look again. Property reactivity, the engine's default,
      // cannot see a record's accessors as properties and would re-evaluate nothing.
      var module = ks.newKieModuleModel();
      module.setConfigurationProperty("drools.propertySpecific", "ALLOWED");
      KieBuilder builder = ((InternalKieBuilder) ks.newKieBuilder(kfs)).withKModuleModel(module).buildAll(DrlProject.class);
      List<RuleError> errors = new ArrayList<>();
      for (Message msg : builder.getResults().getMessages(Message.Level.ERROR)) {
        String file = msg.getPath() == null ? dir.toString() : writtenAs.getOrDefault(msg.getPath().replaceFirst("^src/main/resources/", ""), msg.getPath());
        errors.add(new RuleError(file, Math.max(0, msg.getLine()), oneLine(msg.getText())));
      }
      // "Parser returned a null Package" only echoes a syntax error already reported with its line.
      if (errors.stream().anyMatch(e -> e.line() > 0)) errors.removeIf(e -> e.line() == 0 && e.message().contains("null Package"));
      if (!errors.isEmpty()) throw new RuleErrors(errors);
      var base = ks.newKieContainer(release).getKieBase();
      List<RuleInfo> rules = describe(base.getKiePackages(), sources);
      return new RuleSet(dir, base, revision(sources), List.copyOf(sources.keySet()), rules,
          RuleLint.stated(sources).orElse(null));
    } finally {
      ks.getRepository().removeKieModule(release);
    }
  }

  private static Map<String, String> read(Path dir) throws RuleErrors {
    if (!Files.isDirectory(dir)) {
      throw new RuleErrors(List.of(new RuleError(dir.toString(), 0, "rules directory not found")));
    }
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
        sources.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new RuleErrors(List.of(new RuleError(dir.toString(), 0, "cannot read: " + e.getMessage())));
    }
    return sources;
  }

  private static List<RuleInfo> describe(Iterable<KiePackage> packages, Map<String, String> sources) throws RuleErrors {
    List<RuleInfo> rules = new ArrayList<>();
    List<RuleError> errors = new ArrayList<>();
    Map<String, RuleInfo> byId = new HashMap<>();
    for (KiePackage pkg : packages) {
      for (Rule rule : pkg.getRules()) {
        Location at = locate(rule.getName(), sources);
        Object id = rule.getMetaData().get("id");
        Object title = rule.getMetaData().get("title");
        if (id == null || title == null) {
          errors.add(new RuleError(at.file, at.line, "rule \"" + rule.getName() + "\" needs both @id(\"…\") and @title(\"…\")"));
          continue;
        }
        RuleInfo info = new RuleInfo(id.toString(), title.toString(), rule.getName(), at.file, at.line);
        RuleInfo clash = byId.putIfAbsent(info.id(), info);
        if (clash != null) {
          errors.add(new RuleError(at.file, at.line, "@id(\"" + info.id() + "\") is also used by rule \""
              + clash.name() + "\" at " + clash.file() + ":" + clash.line()));
        }
        rules.add(info);
      }
    }
    if (!errors.isEmpty()) throw new RuleErrors(errors);
    rules.sort((a, b) -> a.id().compareTo(b.id()));
    return rules;
  }

  private record Location(String file, int line) {}

  private static Location locate(String ruleName, Map<String, String> sources) {
    Pattern p = Pattern.compile("^[ \\t]*rule\\s+\"" + Pattern.quote(ruleName) + "\"", Pattern.MULTILINE);
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Matcher m = p.matcher(s.getValue());
      if (m.find()) {
        int line = 1 + (int) s.getValue().substring(0, m.start()).chars().filter(c -> c == '\n').count();
        return new Location(s.getKey(), line);
      }
    }
    return new Location("?", 0);
  }

  private static String revision(Map<String, String> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> s : sources.entrySet()) {
        sha.update(s.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(s.getValue().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }
}
