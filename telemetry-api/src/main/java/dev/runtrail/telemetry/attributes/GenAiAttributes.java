package dev.runtrail.telemetry.attributes;

import io.opentelemetry.api.common.AttributeKey;

/**
 * GenAI semantic convention keys ({@code gen_ai.*}). The Java semconv artifact deprecated its
 * {@code gen_ai} constants when the conventions moved to their own repository, so Runtrail defines
 * the same key names here.
 */
public final class GenAiAttributes {

  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");
  public static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
  public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");

  private GenAiAttributes() {}
}
