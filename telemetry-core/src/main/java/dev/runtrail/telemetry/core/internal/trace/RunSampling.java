package dev.runtrail.telemetry.core.internal.trace;

/**
 * Run-level sampling: failed and cancelled runs keep their spans; a successful run keeps them with
 * probability {@code ratio}, decided from its run id so the decision is reproducible.
 */
final class RunSampling {

  private RunSampling() {}

  static boolean keepSuccessful(String runId, double ratio) {
    if (ratio >= 1.0) {
      return true;
    }
    if (ratio <= 0.0) {
      return false;
    }
    long h = runId.hashCode() * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    double unit = (h >>> 11) * 0x1.0p-53;
    return unit < ratio;
  }
}
