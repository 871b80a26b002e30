package dev.runtrail.telemetry.core.json;

import java.math.BigDecimal;

/** A JSON number kept as written, so a plan's numbers are stored exactly as the app wrote them. */
public final class JsonNumber extends Number {

  private static final long serialVersionUID = 1L;

  private final String text;

  public JsonNumber(String text) {
    this.text = text;
  }

  @Override
  public int intValue() {
    return (int) longValue();
  }

  @Override
  public long longValue() {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return new BigDecimal(text).longValue();
    }
  }

  @Override
  public float floatValue() {
    return (float) doubleValue();
  }

  @Override
  public double doubleValue() {
    return Double.parseDouble(text);
  }

  /** The number's JSON text (what {@code TrailJson.writeValue} writes). */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNumber && ((JsonNumber) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
