package dev.runtrail.testkit.internal;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Equality as a test author means it: numbers by value whatever their boxed type ({@code 137} equals
 * {@code 137L}, as values come back as longs from spans and trail files), lists element by element.
 */
public final class Values {

  private Values() {}

  public static boolean same(Object expected, Object actual) {
    if (expected instanceof Number e && actual instanceof Number a) {
      if (!isFinite(e) || !isFinite(a)) {
        return Double.compare(e.doubleValue(), a.doubleValue()) == 0;
      }
      return toDecimal(e).compareTo(toDecimal(a)) == 0;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      Iterator<?> ai = a.iterator();
      for (Object item : e) {
        if (!same(item, ai.next())) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(expected, actual);
  }

  private static boolean isFinite(Number number) {
    return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
  }

  private static BigDecimal toDecimal(Number number) {
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue());
    }
    return new BigDecimal(number.toString());
  }
}
