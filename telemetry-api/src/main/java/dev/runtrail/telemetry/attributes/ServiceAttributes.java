package dev.runtrail.telemetry.attributes;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Resource attributes of the service that executes runs (semconv {@code service.*}). Runtrail takes
 * them from the standard {@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES} variables; the
 * constants are here for apps that build their own resource.
 */
public final class ServiceAttributes {

  public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  public static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");
  public static final AttributeKey<String> SERVICE_NAMESPACE = AttributeKey.stringKey("service.namespace");
  public static final AttributeKey<String> SERVICE_INSTANCE_ID = AttributeKey.stringKey("service.instance.id");

  private ServiceAttributes() {}
}
