package dev.timmy.journal;

import java.nio.ByteBuffer;

/**
 * The SHA-256 of a decision row as four longs, with its hash at hand: a 10k-issue decision's
 * 70,000 rows are each looked up by digest every cycle ({@link ItemWriter}), and a byte buffer
 * hashes its 32 bytes again at every look-up. The hash is the digest's first bits, which SHA-256
 * spreads evenly.
 */
record RowDigest(long a, long b, long c, long d) {
  static final int BYTES = 32;

  static RowDigest of(byte[] sha256) {
    if (sha256.length != BYTES) throw new IllegalArgumentException("a row digest is 32 bytes, not " + sha256.length);
    ByteBuffer b = ByteBuffer.wrap(sha256);
    return new RowDigest(b.getLong(), b.getLong(), b.getLong(), b.getLong());
  }

  byte[] bytes() {
    return ByteBuffer.allocate(BYTES).putLong(a).putLong(b).putLong(c).putLong(d).array();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(a);
  }
}
