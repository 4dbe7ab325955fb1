package dev.timmy.act.house;

import dev.timmy.host.Host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Target;
import dev.timmy.config.HouseConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.observe.house.CiStatus;
import dev.timmy.observe.house.HouseSources;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HouseTargetsTest {
  @Test
  void the_house_targets_cover_the_house_actions_once_each() {
    HouseConfig config = HouseConfig.defaults();
    HouseSources sources = new HouseSources(config, Host.of(config, new OkHttpClient()), new OkHttpClient(), CiStatus.Source.none(), Clock.systemUTC());
    Set<ActionKind> seen = EnumSet.noneOf(ActionKind.class);
    for (Target t : HouseTargets.of(config, sources.host(), Clock.systemUTC())) {
      for (ActionKind k : t.kinds()) assertTrue(seen.add(k), k + " is served by two targets");
    }
    assertEquals(EnumSet.of(ActionKind.LOAD_MODEL, ActionKind.UNLOAD_MODEL, ActionKind.RESTART_LOOP,
        ActionKind.DELETE_FILE, ActionKind.STOP_PROCESS), seen);
  }
}
