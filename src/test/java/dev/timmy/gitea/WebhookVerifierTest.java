package dev.timmy.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  static final byte[] BODY = "{\"action\":\"opened\",\"number\":7}".getBytes(StandardCharsets.UTF_8);

  @Test
  void the_signature_is_the_hex_hmac_sha256_of_the_raw_body() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    WebhookVerifier v = new WebhookVerifier("Jefe");
    byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
    String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    assertEquals(expected, v.sign(data));
    assertTrue(v.verify(data, expected));
    assertTrue(v.verify(data, expected.toUpperCase()));
    assertTrue(v.verify(data, "sha256=" + expected));
  }

  @Test
  void a_changed_body_a_wrong_secret_or_a_malformed_signature_is_rejected() {
    WebhookVerifier v = new WebhookVerifier("s3cret");
    String good = v.sign(BODY);
    byte[] changed = "{\"action\":\"opened\",\"number\":8}".getBytes(StandardCharsets.UTF_8);
    assertFalse(v.verify(changed, good));
    assertFalse(new WebhookVerifier("other").verify(BODY, good));
    assertFalse(v.verify(BODY, good.substring(2)));
    assertFalse(v.verify(BODY, "zz" + good.substring(2)));
    assertFalse(v.verify(BODY, ""));
    assertFalse(v.verify(BODY, null));
  }

  @Test
  void a_verifier_without_a_secret_cannot_be_made() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier(" "));
    assertTrue(e.getMessage().contains("expected a non-empty secret"));
  }
}
