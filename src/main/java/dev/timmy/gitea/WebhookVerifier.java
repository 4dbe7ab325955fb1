package dev.timmy.gitea;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Gitea webhook delivery: {@code X-Gitea-Signature} is the hex HMAC-SHA256 of the raw
 * request body under the webhook's secret. The comparison takes the same time whatever the
 * signature, so it leaks nothing about the expected value. Verify the raw bytes before parsing.
 */
public final class WebhookVerifier {
  public static final String HEADER = "X-Gitea-Signature";
  /** Gitea's id of one delivery (a UUID); not covered by the signature. */
  public static final String DELIVERY = "X-Gitea-Delivery";
  private static final java.util.regex.Pattern DELIVERY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public WebhookVerifier(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook secret: expected a non-empty secret, found none");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** True when {@code id} looks like a delivery id Gitea sends (letters, digits and dashes, at most 64). */
  public static boolean deliveryId(String id) {
    return id != null && DELIVERY_ID.matcher(id).matches();
  }

  /** A verified signature in one spelling (lower-case hex, no prefix), to remember it by. */
  public static String normal(String signature) {
    String hex = signature.trim().toLowerCase();
    return hex.startsWith("sha256=") ? hex.substring("sha256=".length()) : hex;
  }

  /** True only when {@code signature} (hex, optionally prefixed {@code sha256=}) signs {@code rawBody}. */
  public boolean verify(byte[] rawBody, String signature) {
    if (rawBody == null || signature == null) return false;
    byte[] given;
    try {
      given = HexFormat.of().parseHex(normal(signature));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(mac(rawBody), given);
  }

  /** The signature Gitea sends for {@code rawBody}, in lower-case hex. */
  public String sign(byte[] rawBody) {
    return HexFormat.of().formatHex(mac(rawBody));
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }
}
