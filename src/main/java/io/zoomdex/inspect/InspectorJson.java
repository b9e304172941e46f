package io.zoomdex.inspect;

import io.zoomdex.document.DocumentId;
import io.zoomdex.identity.Resolution;
import io.zoomdex.search.SearchException;
import io.zoomdex.search.http.AdminInspector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inspector's answers as the admin routes' JSON (snake_case keys, nulls kept). */
public final class InspectorJson implements AdminInspector {
  private final DocumentExplainer explainer;

  public InspectorJson(DocumentExplainer explainer) {
    this.explainer = explainer;
  }

  @Override
  public Optional<Map<String, Object>> explain(DocumentId id, String as) throws SearchException {
    return explainer.explain(id, as).map(InspectorJson::explanation);
  }

  @Override
  public Map<String, Object> whois(String value) {
    return resolution(explainer.whois(value));
  }

  /** {@code {"id", "type", "title", "readers", "indexed", "last_error", "as"}}. */
  public static Map<String, Object> explanation(Explanation explanation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", explanation.document().id().toString());
    json.put("type", explanation.document().type().prefix());
    json.put("title", explanation.document().title());
    List<Object> readers = new ArrayList<>();
    for (ReaderReason reader : explanation.readers()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("email", reader.email());
      entry.put("rules", reader.rules());
      readers.add(entry);
    }
    json.put("readers", readers);
    json.put("indexed", explanation.status().indexed());
    json.put("last_error", explanation.status().lastError());
    AccessDecision as = explanation.as();
    if (as == null) {
      json.put("as", null);
    } else {
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("value", as.value());
      decision.put("identity", as.identity());
      decision.put("decision", as.decision());
      decision.put("reason", as.reason());
      json.put("as", decision);
    }
    return json;
  }

  /** {@code {"value", "result", "identity", "candidates", "rule"}}. */
  public static Map<String, Object> resolution(Resolution resolution) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("value", resolution.value());
    json.put("result", resolution.outcome().label());
    json.put("identity", resolution.identity());
    json.put("candidates", resolution.candidates());
    json.put("rule", resolution.rule());
    return json;
  }
}
