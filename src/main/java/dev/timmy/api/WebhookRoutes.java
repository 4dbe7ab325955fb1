package dev.timmy.api;

import dev.timmy.Sanitizer;
import dev.timmy.config.Secrets;
import dev.timmy.gitea.WebhookVerifier;
import dev.timmy.journal.Deliveries;
import io.javalin.http.Context;

/**
 * {@code POST /webhooks/gitea}: a delivery signed with the webhook secret asks for a cycle (the
 * trigger debounces bursts into one). The signature is checked on the raw bytes before anything
 * is parsed; without a configured secret every delivery is refused. Each delivery is accepted once:
 * its {@code X-Gitea-Delivery} id and its signature are remembered for a day in the journal.
 */
final class WebhookRoutes {
  private final WebhookVerifier verifier;
  private final Runnable signal;
  private final Metrics metrics;
  private final Deliveries deliveries;

  WebhookRoutes(Backend b) {
    this.verifier = b.secrets().webhookSecret() == null ? null : new WebhookVerifier(b.secrets().webhookSecret());
    this.signal = b.webhookSignal();
    this.metrics = b.metrics();
    this.deliveries = b.deliveries();
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
    String delivery = ctx.header(WebhookVerifier.DELIVERY);
    if (!WebhookVerifier.deliveryId(delivery)) {
      metrics.webhook(false);
      throw ApiException.invalidParameter(WebhookVerifier.DELIVERY, "Gitea's delivery id (a UUID)",
          delivery == null ? "none" : "\"" + Sanitizer.clip(delivery, 60) + "\"");
    }
    // The id is not signed, so the signature (a digest of the body) is remembered too: a captured
    // delivery sent again under a new id is still a replay.
    if (!deliveries.firstTime("id:" + delivery, "sig:" + WebhookVerifier.normal(signature))) {
      metrics.webhook(false);
      throw new ApiException(ErrorCode.DUPLICATE_DELIVERY, "delivery " + delivery + " (or its body) was accepted already in the"
          + " last day: each delivery runs at most one cycle");
    }
    metrics.webhook(true);
    signal.run();
    ctx.status(202).json(new Wire.Accepted("cycle requested; deliveries that arrive together share one cycle"));
  }
}
