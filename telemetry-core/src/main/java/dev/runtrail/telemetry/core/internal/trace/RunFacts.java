package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.internal.propagation.CorrelationIds;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanBuilder;
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
  /** The values of {@link #COMMON_KEYS} (null when unset): attributes every span of the run carries. */
  private final String[] common;
  private final Attributes custom;
  private final List<String[]> rawResolvedValues;
  private LaterAttributes laterAttributes; // guarded by this; made on first use

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
    this.policy = b.policy == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.policy));
    this.custom = b.attributes == null ? Attributes.empty() : r.attributes(b.attributes.build());
    this.rawResolvedValues = b.resolvedValues == null ? List.of() : List.copyOf(b.resolvedValues);
    // Kept as values, not as an Attributes: building one sorts its keys, only for each span to copy them.
    this.common = new String[] {runId, env, target, runner, planHash.isEmpty() ? null : planHash, correlationId,
        sessionId};
  }

  @SuppressWarnings("unchecked")
  private static final AttributeKey<String>[] COMMON_KEYS = new AttributeKey[] {RunAttributes.RUN_ID,
      RunAttributes.ENV, RunAttributes.TARGET, RunAttributes.RUNNER_ID, RunAttributes.PLAN_HASH,
      RunAttributes.CORRELATION_ID, RunAttributes.SESSION_ID};

  /** Sets the attributes every span of the run carries: ids, env, target, runner, plan hash, custom ones. */
  SpanBuilder setCommonAttributes(SpanBuilder span) {
    for (int i = 0; i < COMMON_KEYS.length; i++) {
      setIfPresent(span, COMMON_KEYS[i], common[i]);
    }
    if (!custom.isEmpty()) {
      span.setAllAttributes(custom);
    }
    return span;
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

  /** Sets the root span's attributes: the common ones plus name, git, ticket, plan id/version and policy. */
  SpanBuilder setRootAttributes(SpanBuilder span) {
    setCommonAttributes(span).setAttribute(RunAttributes.RUN_NAME, name);
    setIfPresent(span, RunAttributes.GIT_SHA, gitSha);
    setIfPresent(span, RunAttributes.GIT_BRANCH, gitBranch);
    setIfPresent(span, RunAttributes.TICKET, ticket);
    setIfPresent(span, RunAttributes.PLAN_ID, planId);
    setIfPresent(span, RunAttributes.PLAN_VERSION, planVersion);
    policy.forEach((flag, enabled) -> span.setAttribute(RunAttributes.policyFlag(flag), enabled));
    return span;
  }

  private static void setIfPresent(SpanBuilder span, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      span.setAttribute(key, value);
    }
  }

  /** The parent context plus W3C baggage carrying the correlation id and run id to other processes. */
  Context withBaggage(Context parent) {
    Baggage inherited = Baggage.fromContext(parent);
    if (inherited.isEmpty()) {
      return parent.with(new RunBaggage(correlationId, runId));
    }
    Baggage baggage = inherited.toBuilder()
        .put(CorrelationIds.BAGGAGE_KEY, correlationId)
        .put(CorrelationIds.RUN_ID_BAGGAGE_KEY, runId)
        .build();
    return parent.with(baggage);
  }


  synchronized <T> void recordAttribute(AttributeKey<T> key, T value) {
    if (laterAttributes == null) {
      laterAttributes = new LaterAttributes();
    }
    laterAttributes.put(key, value);
  }

  /** Custom attributes (from the builder and set later), by key, for the summary. */
  Map<String, Object> attributes() {
    Map<String, Object> all = new LinkedHashMap<>();
    custom.forEach((key, value) -> all.put(key.getKey(), value));
    synchronized (this) {
      if (laterAttributes != null) {
        laterAttributes.putNamesInto(all);
      }
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

}
