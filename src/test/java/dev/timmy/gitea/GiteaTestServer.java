package dev.timmy.gitea;

import dev.timmy.config.GiteaConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** A started MockWebServer running a {@link FakeGitea}, and clients configured for it. */
public final class GiteaTestServer implements AutoCloseable {
  /** Every request any test served, for the swagger contract test. */
  public static final List<mockwebserver3.RecordedRequest> SEEN = new CopyOnWriteArrayList<>();
  private static final OkHttpClient SHARED = new OkHttpClient();

  public final MockWebServer server = new MockWebServer();
  public final FakeGitea gitea = new FakeGitea();
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public GiteaTestServer() throws IOException {
    server.setDispatcher(gitea);
    server.start();
  }

  public GiteaConfig config(List<String> repos, boolean createMissingLabels) {
    return GiteaConfig.builder(server.url("/").toString().replaceAll("/$", ""), repos).mergeMethod("squash")
        .createMissingLabels(createMissingLabels).connectTimeoutSeconds(1).readTimeoutSeconds(1).callTimeoutSeconds(10)
        .retryBackoffMillis(100).build();
  }

  public GiteaClient client(GiteaConfig config) {
    return new GiteaClient(config, "s3cret", SHARED, sleeps::add);
  }

  @Override
  public void close() {
    SEEN.addAll(gitea.requests);
    server.close();
  }
}
