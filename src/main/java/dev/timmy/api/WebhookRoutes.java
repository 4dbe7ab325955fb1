package dev.timmy.api;

import dev.timmy.config.Secrets;
import dev.timmy.observe.gitea.WebhookVerifier;
import io.javalin.http.Context;

/**
 * {@code POST /webhooks/gitea}: a delivery signed with the webhook secret asks for a cycle (the
 * trigger debounces bursts into one). The signature is checked on the raw bytes before anything
 * is parsed; without a configured secret every delivery is refused.
 */
final class WebhookRoutes {
  private final WebhookVerifier verifier;
  private final Runnable signal;
  private final Metrics metrics;

  WebhookRoutes(Backend b) {
    this.verifier = b.secrets().webhookSecret() == null ? null : new WebhookVerifier(b.secrets().webhookSecret());
    this.signal = b.webhookSignal();
    this.metrics = b.metrics();
  }

  void gitea(Context ctx) {
    if (verifier == null) {
      metrics.webhook(false);
      throw ApiException.unauthorized(Secrets.WEBHOOK_SECRET_ENV + " is unset: webhook deliveries are refused until"
          + " Timmy is started with the secret Gitea signs them with");
    }
    String signature = ctx.header(WebhookVerifier.HEADER);
    if (!verifier.verify(ctx.bodyAsBytes(), signature)) {
      metrics.webhook(false);
      throw ApiException.unauthorized(WebhookVerifier.HEADER + ": expected the HMAC-SHA256 of the body under the"
          + " webhook secret, found " + (signature == null ? "no signature" : "a signature that does not match"));
    }
    metrics.webhook(true);
    signal.run();
    ctx.status(202).json(new Wire.Accepted("cycle requested; deliveries that arrive together share one cycle"));
  }
}
