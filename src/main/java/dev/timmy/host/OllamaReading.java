package dev.timmy.host;

import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import java.util.List;

/** What Ollama said: its models, or why it could not be asked ({@code down} is null when up). */
public record OllamaReading(List<OllamaModel> models, OllamaDown down) {
  public OllamaReading {
    models = List.copyOf(models);
  }
}
