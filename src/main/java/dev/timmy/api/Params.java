package dev.timmy.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters, parsed strictly: a bad value is a 400 that names it, never a silent default. */
final class Params {
  private Params() {}

  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) throw ApiException.invalidParameter(name, "a whole number " + min + ".." + max, v);
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name, "a whole number " + min + ".." + max, v);
    }
  }

  static Long id(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    return parseId(name, v);
  }

  static long pathId(Context ctx, String name) {
    return parseId(name, ctx.pathParam(name));
  }

  static Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    try {
      return Instant.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(name, "an ISO-8601 instant like 2026-11-23T09:00:00Z", v);
    }
  }

  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static String required(Context ctx, String name, String example) {
    String v = text(ctx, name);
    if (v == null) throw ApiException.invalidParameter(name, "a value such as " + example, "nothing");
    return v;
  }

  private static long parseId(String name, String v) {
    try {
      long n = Long.parseLong(v.trim());
      if (n < 1) throw ApiException.invalidParameter(name, "a positive id", v);
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name, "a positive id", v);
    }
  }
}
