package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.internal.propagation.CorrelationIds;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known about a run when it starts, redacted once: ids, names, plan, git, policy and the
 * attributes every span of the run carries.
 */
final class RunFacts {


  final String runId;
  final String name;
  final String env;
  final String target;
  final String planHash;
  final String planJson;
  final String planId;
  final String planVersion;
  final String gitSha;
  final String gitBranch;
  final String runner;
  final String ticket;
  final String correlationId;
  final String sessionId;
  final Map<String, Boolean> policy;
  final Attributes common;
  private final Attributes custom;
  private final List<String[]> rawResolvedValues;
  private final Map<String, Object> laterAttributes = Collections.synchronizedMap(new LinkedHashMap<>());

  private RunFacts(SdkRunBuilder b, String runId, Context parent) {
    TelemetryRedactor r = b.c.redactor;
    this.runId = runId;
    this.name = r.text(b.name);
    this.env = r.text(b.env);
    this.target = r.text(b.target);
    this.planHash = b.planHash;
    this.planJson = b.planJson;
    this.planId = r.text(b.planId);
    this.planVersion = r.text(b.planVersion);
    this.gitSha = r.value("git.sha", b.gitSha);
    this.gitBranch = r.value("git.branch", b.gitBranch);
    this.runner = r.text(b.runner);
    this.ticket = r.text(b.ticket);
    this.correlationId = correlationId(b, parent);
    this.sessionId = r.text(b.sessionId);
    this.policy = Collections.unmodifiableMap(new LinkedHashMap<>(b.policy));
    this.custom = r.attributes(b.attributes.build());
    this.rawResolvedValues = List.copyOf(b.resolvedValues);
    AttributesBuilder common = Attributes.builder().put(RunAttributes.RUN_ID, runId);
    putIfSet(common, RunAttributes.ENV, env);
    putIfSet(common, RunAttributes.TARGET, target);
    putIfSet(common, RunAttributes.RUNNER_ID, runner);
    putIfSet(common, RunAttributes.PLAN_HASH, planHash.isEmpty() ? null : planHash);
    putIfSet(common, RunAttributes.CORRELATION_ID, correlationId);
    putIfSet(common, RunAttributes.SESSION_ID, sessionId);
    common.putAll(custom);
    this.common = common.build();
  }

  static RunFacts from(SdkRunBuilder builder, String runId, Context parent) {
    return new RunFacts(builder, runId, parent);
  }

  /** The caller's, else the one inherited from the parent context's baggage, else a fresh one. */
  private static String correlationId(SdkRunBuilder b, Context parent) {
    if (b.correlationId != null && !b.correlationId.isBlank()) {
      return b.c.redactor.text(b.correlationId.trim());
    }
    String inherited = CorrelationIds.fromBaggage(parent);
    return inherited != null ? b.c.redactor.text(inherited) : b.c.ids.nextCorrelationId();
  }

  /** The root span's attributes: the common ones plus name, git, ticket, plan id/version and policy. */
  Attributes rootAttributes() {
    AttributesBuilder attributes = common.toBuilder().put(RunAttributes.RUN_NAME, name);
    putIfSet(attributes, RunAttributes.GIT_SHA, gitSha);
    putIfSet(attributes, RunAttributes.GIT_BRANCH, gitBranch);
    putIfSet(attributes, RunAttributes.TICKET, ticket);
    putIfSet(attributes, RunAttributes.PLAN_ID, planId);
    putIfSet(attributes, RunAttributes.PLAN_VERSION, planVersion);
    policy.forEach((flag, enabled) -> attributes.put(RunAttributes.policyFlag(flag), enabled));
    return attributes.build();
  }

  /** The parent context plus W3C baggage carrying the correlation id and run id to other processes. */
  Context withBaggage(Context parent) {
    Baggage baggage = Baggage.fromContext(parent).toBuilder()
        .put(CorrelationIds.BAGGAGE_KEY, correlationId)
        .put(CorrelationIds.RUN_ID_BAGGAGE_KEY, runId)
        .build();
    return parent.with(baggage);
  }

  <T> void recordAttribute(AttributeKey<T> key, T value) {
    laterAttributes.put(key.getKey(), value);
  }

  /** Custom attributes (from the builder and set later), by key, for the summary. */
  Map<String, Object> attributes() {
    Map<String, Object> all = new LinkedHashMap<>();
    custom.forEach((key, value) -> all.put(key.getKey(), value));
    synchronized (laterAttributes) {
      all.putAll(laterAttributes);
    }
    return all;
  }

  /** {@code "<reference> → <value>"}, the value redacted under the reference's last name segment. */
  List<String> resolvedValues(TelemetryRedactor r) {
    List<String> values = new ArrayList<>(rawResolvedValues.size());
    for (String[] entry : rawResolvedValues) {
      String reference = entry[0];
      String key = reference.substring(reference.lastIndexOf('.') + 1);
      values.add(r.text(reference) + " → " + r.value(key, entry[1] == null ? "null" : entry[1]));
    }
    return values;
  }

  /** A custom attribute's value, or null. */
  <T> T customAttribute(AttributeKey<T> key) {
    return custom.get(key);
  }

  private static void putIfSet(AttributesBuilder builder, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.put(key, value);
    }
  }
}
