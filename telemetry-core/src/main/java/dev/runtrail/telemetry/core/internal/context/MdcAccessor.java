package dev.runtrail.telemetry.core.internal.context;

import io.micrometer.context.ThreadLocalAccessor;
import java.util.Map;
import org.slf4j.MDC;

/** Lets context-propagation carry the whole SLF4J MDC (Runtrail's ids and the app's own keys). */
final class MdcAccessor implements ThreadLocalAccessor<Map<String, String>> {

  static final String KEY = "runtrail.mdc";

  @Override
  public Object key() {
    return KEY;
  }

  @Override
  public Map<String, String> getValue() {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return mdc == null || mdc.isEmpty() ? null : mdc;
  }

  @Override
  public void setValue(Map<String, String> value) {
    MDC.setContextMap(value);
  }

  @Override
  public void setValue() {
    MDC.clear();
  }
}
