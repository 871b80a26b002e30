package dev.runtrail.benchmarks.overhead;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The work one real step stands for: parse a deploy manifest of about 10 KB of JSON into maps and
 * lists, transform it (resolve each service's image and resources, total the replicas and cost, drop
 * disabled services) and serialize the result — tens of microseconds of ordinary CPU work, the same
 * with or without telemetry.
 */
public final class ReferenceWorkload {

  private static final JsonFactory JSON = new JsonFactory();

  private ReferenceWorkload() {}

  /** A deterministic manifest of {@code services} services (34 make about 10 KB). */
  public static String manifest(int services) {
    StringWriter out = new StringWriter(services * 300);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("apiVersion", "deploy.runtrail.dev/v1");
      g.writeStringField("environment", "prod");
      g.writeStringField("region", "eu-west-1");
      g.writeStringField("registry", "registry.example.com/platform");
      g.writeArrayFieldStart("services");
      for (int i = 0; i < services; i++) {
        g.writeStartObject();
        g.writeStringField("name", "service-" + i);
        g.writeStringField("image", "app-" + (i % 7));
        g.writeStringField("tag", "1." + (i % 5) + "." + i);
        g.writeNumberField("replicas", 1 + i % 4);
        g.writeBooleanField("enabled", i % 9 != 0);
        g.writeObjectFieldStart("resources");
        g.writeNumberField("cpuMillis", 250 * (1 + i % 3));
        g.writeNumberField("memoryMb", 256 << (i % 3));
        g.writeNumberField("hourlyCost", 0.0125 * (1 + i % 6));
        g.writeEndObject();
        g.writeArrayFieldStart("ports");
        g.writeNumber(8080 + i % 3);
        g.writeNumber(9464);
        g.writeEndArray();
        g.writeObjectFieldStart("labels");
        g.writeStringField("team", "team-" + (i % 4));
        g.writeStringField("tier", i % 2 == 0 ? "frontend" : "backend");
        g.writeStringField("owner", "owner" + i + "@example.com");
        g.writeEndObject();
        g.writeStringField("healthCheck", "/healthz?service=service-" + i + "&timeout=5s");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses, transforms and serializes {@code manifest}; the result depends on nothing else. */
  public static String process(String manifest) {
    try {
      Map<String, Object> document = parse(manifest);
      return serialize(transform(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> transform(Map<String, Object> document) {
    String registry = (String) document.get("registry");
    List<Object> services = (List<Object>) document.get("services");
    List<Object> resolved = new ArrayList<>(services.size());
    long replicas = 0;
    double cost = 0;
    for (Object item : services) {
      Map<String, Object> service = (Map<String, Object>) item;
      if (!Boolean.TRUE.equals(service.get("enabled"))) {
        continue;
      }
      Map<String, Object> resources = (Map<String, Object>) service.get("resources");
      int count = ((Number) service.get("replicas")).intValue();
      double hourly = ((Number) resources.get("hourlyCost")).doubleValue() * count;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", service.get("name"));
      out.put("image", registry + "/" + service.get("image") + ":" + service.get("tag"));
      out.put("replicas", count);
      out.put("cpu", ((Number) resources.get("cpuMillis")).intValue() * count + "m");
      out.put("memory", ((Number) resources.get("memoryMb")).intValue() * count + "Mi");
      out.put("hourlyCost", hourly);
      Map<String, Object> labels = (Map<String, Object>) service.get("labels");
      out.put("selector", "team=" + labels.get("team") + ",tier=" + labels.get("tier"));
      out.put("ports", service.get("ports"));
      out.put("probe", ((String) service.get("healthCheck")).toUpperCase(Locale.ROOT));
      resolved.add(out);
      replicas += count;
      cost += hourly;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("environment", document.get("environment"));
    result.put("region", document.get("region"));
    result.put("services", resolved);
    result.put("totalReplicas", replicas);
    result.put("hourlyCost", Math.round(cost * 10_000) / 10_000.0);
    return result;
  }

  static Map<String, Object> parse(String json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object, got " + first);
      }
      return readObject(p);
    }
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      map.put(name, readValue(p, p.nextToken()));
    }
    return map;
  }

  private static Object readValue(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          list.add(readValue(p, t));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  static String serialize(Map<String, Object> document) throws IOException {
    StringWriter out = new StringWriter(8 * 1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, document);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List) {
      g.writeStartArray();
      for (Object item : (List<Object>) value) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Integer || value instanceof Long) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number) {
      g.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else {
      g.writeNull();
    }
  }
}
