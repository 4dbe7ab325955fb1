package dev.timmy.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The default rules and the demo house travel inside the jar ({@code timmy/bundled/rules},
 * {@code timmy/bundled/fixtures/demo}), so {@code java -jar timmy.jar evaluate} works from any
 * directory. A directory on disk always wins: the bundled copy is used only when the default
 * relative path ({@code rules}, {@code fixtures/demo}) is absent from the working directory, and
 * whoever uses it says so. From a jar the copy is extracted into a temporary directory removed
 * when the JVM exits; from the build's classes directory it is used where it lies.
 */
public final class Bundled {
  public static final String RULES = "rules";
  public static final String FIXTURES = "fixtures/demo";
  private static final String ROOT = "/timmy/bundled/";

  /** A directory to read, and whether it is the bundled copy. */
  public record Located(Path path, boolean bundled) {
    /** The sentence that says a bundled copy is in use, naming what was looked for. */
    public String note(String what) {
      return "no " + what + " in " + Path.of("").toAbsolutePath() + ": using the " + what + " bundled in the jar";
    }
  }

  private Bundled() {}

  /** {@code dir} as given, unless it is the default {@code rules} and absent here: then the bundled rules. */
  public static Located rules(String dir) {
    return locate(dir, RULES);
  }

  /** {@code dir} as given, unless it is the default {@code fixtures/demo} and absent here: then the bundled demo house. */
  public static Located fixtures(String dir) {
    return locate(dir, FIXTURES);
  }

  private static Located locate(String dir, String fallback) {
    Path given = Path.of(dir);
    if (!dir.equals(fallback) || Files.isDirectory(given)) return new Located(given, false);
    URL url = Bundled.class.getResource(ROOT + fallback);
    if (url == null) return new Located(given, false); // not packaged: the missing directory is reported as before
    try {
      return new Located(materialise(url.toURI()), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the bundled " + fallback + ": " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bundled " + fallback + " has no usable location: " + url, e);
    }
  }

  private static Path materialise(URI uri) throws IOException {
    if (uri.getScheme().equals("file")) return Path.of(uri);
    try {
      FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      // opened by an earlier lookup in this JVM: Path.of below finds it
    }
    Path source = Path.of(uri);
    Path target = Files.createTempDirectory("timmy-bundled-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "timmy-bundled-cleanup"));
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    return target;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) Files.deleteIfExists(p);
    } catch (IOException e) {
      // a temporary directory the OS cleans anyway; nothing more to do at exit
    }
  }
}
