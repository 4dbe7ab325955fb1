package dev.timmy.gitea;

import dev.timmy.config.GiteaConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * A started MockWebServer running its own {@link FakeGitea}, and clients configured for it. Each
 * test makes its own: nothing is shared between instances. On close it checks every request it
 * served against the Gitea swagger spec ({@link GiteaContract}) and fails the test on the first
 * undeclared path, parameter or body field.
 */
public final class GiteaTestServer implements AutoCloseable {
  public final MockWebServer server = new MockWebServer();
  public final FakeGitea gitea = new FakeGitea();
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final OkHttpClient http = new OkHttpClient();

  public GiteaTestServer() throws IOException {
    server.setDispatcher(gitea);
    server.start();
  }

  public GiteaConfig config(List<String> repos, boolean createMissingLabels) {
    return GiteaConfig.builder(server.url("/").toString().replaceAll("/$", ""), repos).mergeMethod("squash")
        .createMissingLabels(createMissingLabels).connectTimeoutSeconds(1).readTimeoutSeconds(1).callTimeoutSeconds(10)
        .retryBackoffMillis(100).build();
  }

  /** A minute passes on Gitea's clock and on {@code clock}; the requests are counted from zero again. */
  public void minuteLater(TestClock clock) {
    gitea.now = gitea.now.plusSeconds(60);
    clock.advance(Duration.ofSeconds(60));
    gitea.clear();
  }

  public GiteaClient client(GiteaConfig config) {
    return new GiteaClient(config, "s3cret", http, sleeps::add);
  }

  /** Problems of the requests served so far against the swagger spec; none when the spec is absent. */
  public List<String> contractProblems() {
    List<String> out = new ArrayList<>();
    var spec = SwaggerSpec.ifPresent();
    if (spec.isEmpty()) return out;
    for (RecordedRequest r : gitea.requests) {
      if (r.getUrl() == null) continue;
      try {
        for (String p : GiteaContract.problems(spec.get(), r, new TreeSet<>())) if (!out.contains(p)) out.add(p);
      } catch (IOException e) {
        out.add(r.getMethod() + " " + r.getUrl().encodedPath() + ": body is not JSON: " + e.getMessage());
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.close();
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
    List<String> problems = contractProblems();
    if (!problems.isEmpty()) throw new AssertionError("requests the Gitea spec does not declare:\n" + String.join("\n", problems));
  }
}
