package dev.timmy.api;

import dev.timmy.config.Secrets;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Guards mutating routes: {@code Authorization: Bearer <admin token>}, compared in constant time.
 * Without an admin token in the environment every mutating route answers 401 and says so. DRL text
 * is code, so simulate is behind this guard too.
 */
final class Admin {
  private final Secrets secrets;

  Admin(Secrets secrets) {
    this.secrets = secrets;
  }

  Handler only(Handler handler) {
    return ctx -> {
      require(ctx);
      handler.handle(ctx);
    };
  }

  void require(Context ctx) {
    require(ctx.header("Authorization"));
  }

  /** Refuses (401 {@code unauthorized}, saying why) unless {@code header} carries the admin token. */
  void require(String header) {
    if (!secrets.hasAdminToken()) {
      throw ApiException.unauthorized(Secrets.ADMIN_TOKEN_ENV + " is unset: mutating routes stay closed until Timmy"
          + " is started with an admin token in its environment");
    }
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthorized("expected Authorization: Bearer <admin token>, found "
          + (header == null ? "no Authorization header" : "another scheme"));
    }
    if (!secrets.adminTokenMatches(header.substring(7).trim())) {
      throw ApiException.unauthorized("the bearer token is not the admin token");
    }
  }
}
