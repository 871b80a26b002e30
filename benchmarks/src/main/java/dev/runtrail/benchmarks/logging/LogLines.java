package dev.runtrail.benchmarks.logging;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What {@link LoggingBenchmark} and {@link Log4j2LoggingBenchmark} log, so both frameworks get the same
 * line: its pattern's arguments, the MDC / ThreadContext of a run or of one of its steps, and the SHAs of
 * the {@code ...OtherSha} methods.
 */
final class LogLines {
  static final String TARGET = "api";
  static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

  private LogLines() {}

  /**
   * The context a line is logged with: {@code run_id} (one entry, a run's) or {@code step} (Runtrail's seven,
   * a step's).
   */
  static Map<String, String> context(String mdc) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("run_id", "run-20260211-142530-1a2b3c");
    if (mdc.equals("step")) {
      context.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
      context.put("span_id", "00f067aa0ba902b7");
      context.put("trace_flags", "01");
      context.put("correlation_id", "c0ffee00-1234-4abc-9def-0123456789ab");
      context.put("plan_id", "deploy-api");
      context.put("plan_version", "1.2.0");
    } else if (!mdc.equals("run_id")) {
      throw new IllegalArgumentException("mdc must be run_id or step, not " + mdc);
    }
    return context;
  }

  /** 64 different SHAs (fixed seed): lines of the same pattern whose text was not seen just before. */
  static String[] otherShas() {
    String[] shas = new String[64];
    Random random = new Random(16);
    for (int i = 0; i < shas.length; i++) {
      shas[i] = String.format("%040x", new BigInteger(160, random));
    }
    return shas;
  }
}
