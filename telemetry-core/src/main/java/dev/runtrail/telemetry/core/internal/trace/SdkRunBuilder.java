package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.plan.PlanHash;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what the app says about a run, then starts it. */
public final class SdkRunBuilder implements RunContext.Builder {

  final Components c;
  final String name;
  String env;
  String target;
  String planJson;
  String planHash = "";
  String planId;
  String planVersion;
  String gitSha;
  String gitBranch;
  String runner;
  String ticket;
  String correlationId;
  String sessionId;
  Context parent;
  // Made on first use: most runs set none of these.
  Map<String, Boolean> policy;
  List<String[]> resolvedValues;
  AttributesBuilder attributes;

  public SdkRunBuilder(Components components, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Run name must not be blank, got '" + name + "'");
    }
    this.c = components;
    this.name = name;
  }

  @Override
  public RunContext.Builder env(String env) {
    this.env = env;
    return this;
  }

  @Override
  public RunContext.Builder target(String target) {
    this.target = target;
    return this;
  }

  @Override
  public RunContext.Builder plan(String planJson) {
    this.planHash = PlanHash.of(planJson);
    this.planJson = planJson;
    return this;
  }

  @Override
  public RunContext.Builder plan(String planId, String planVersion) {
    this.planId = planId;
    this.planVersion = planVersion;
    return this;
  }

  @Override
  public RunContext.Builder git(String sha, String branch) {
    this.gitSha = sha;
    this.gitBranch = branch;
    return this;
  }

  @Override
  public RunContext.Builder runner(String runnerId) {
    this.runner = runnerId;
    return this;
  }

  @Override
  public RunContext.Builder ticket(String ticket) {
    this.ticket = ticket;
    return this;
  }

  @Override
  public RunContext.Builder policy(String flag, boolean enabled) {
    RunAttributes.policyFlag(flag); // validates the name
    if (policy == null) {
      policy = new LinkedHashMap<>();
    }
    policy.put(flag, enabled);
    return this;
  }

  @Override
  public RunContext.Builder resolvedValue(String reference, String value) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("Resolved value reference must not be blank, got '" + reference + "'");
    }
    if (resolvedValues == null) {
      resolvedValues = new ArrayList<>();
    }
    resolvedValues.add(new String[] {reference, value});
    return this;
  }

  @Override
  public RunContext.Builder correlationId(String correlationId) {
    this.correlationId = correlationId;
    return this;
  }

  @Override
  public RunContext.Builder sessionId(String sessionId) {
    this.sessionId = sessionId;
    return this;
  }

  @Override
  public <T> RunContext.Builder attribute(AttributeKey<T> key, T value) {
    if (key == null) {
      throw new IllegalArgumentException("Attribute key must not be null");
    }
    if (value != null) {
      if (attributes == null) {
        attributes = Attributes.builder();
      }
      attributes.put(key, value);
    }
    return this;
  }

  @Override
  public RunContext.Builder parent(Context parent) {
    this.parent = parent;
    return this;
  }

  @Override
  public RunContext start() {
    return SdkRunContext.start(this);
  }
}
