package dev.runtrail.telemetry.propagation;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Header lookups for carriers. */
public final class HeaderLookup {

  private HeaderLookup() {}

  /** Looks names up ignoring case, as HTTP requires. A null map has no headers. */
  public static Function<String, String> ignoringCase(Map<String, String> headers) {
    if (headers == null || headers.isEmpty()) {
      return name -> null;
    }
    TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> {
      if (name != null) {
        byName.put(name, value);
      }
    });
    return byName::get;
  }
}
