package dev.runtrail.redaction.internal;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redacts nested maps, lists and arrays: keys are kept (value rules apply to them too, so a secret used as
 * a key does not leak), key rules apply at every depth, and under a secret key every scalar of a nested
 * structure is masked while the structure stays. Returns the same instance when nothing changed.
 */
public final class TreeRedactor {
  private static final int MAX_DEPTH = 64;

  private final KeyedValues values;

  public TreeRedactor(KeyedValues values) {
    this.values = values;
  }

  public Object redact(Object value) {
    return redact(value, KeyClassifier.NONE, 0);
  }

  private Object redact(Object value, int keyClass, int depth) {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (depth > MAX_DEPTH) {
      return values.mask(KeyClassifier.SECRET, String.valueOf(depth));
    }
    if (value instanceof String) {
      return values.redactUnder(keyClass, (String) value);
    }
    if (value instanceof Map) {
      return redactMap((Map<?, ?>) value, keyClass, depth);
    }
    if (value instanceof Collection) {
      return redactCollection((Collection<?>) value, keyClass, depth);
    }
    if (value instanceof Object[]) {
      return redactArray((Object[]) value, keyClass, depth);
    }
    if (value instanceof char[]) {
      String text = new String((char[]) value);
      String red = values.redactUnder(keyClass, text);
      return red.equals(text) ? value : red;
    }
    if (value.getClass().isArray()) {
      return KeyedValues.masksWhole(keyClass) ? values.mask(keyClass, "x".repeat(Array.getLength(value))) : value;
    }
    return redactScalar(value, keyClass);
  }

  /** Numbers and other objects: masked under a sensitive key, else their text runs the value rules. */
  private Object redactScalar(Object value, int keyClass) {
    String text = String.valueOf(value);
    if (KeyedValues.masksWhole(keyClass)) {
      return values.mask(keyClass, text);
    }
    if (value instanceof Number && !(value instanceof Long || value instanceof BigInteger)) {
      return value;
    }
    String red = values.redactUnder(keyClass, text);
    return red.equals(text) ? value : red;
  }

  private Object redactMap(Map<?, ?> map, int keyClass, int depth) {
    List<Object> keys = new ArrayList<>(map.size());
    List<Object> redacted = new ArrayList<>(map.size());
    boolean changed = false;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      String keyText = String.valueOf(key);
      int childClass = keyClass == KeyClassifier.SECRET ? KeyClassifier.SECRET : values.classifyCached(keyText);
      Object value = redact(entry.getValue(), childClass, depth + 1);
      String redKey = values.scanner().redact(keyText);
      Object newKey = redKey.equals(keyText) ? key : redKey;
      changed |= newKey != key || value != entry.getValue();
      keys.add(newKey);
      redacted.add(value);
    }
    if (!changed) {
      return map;
    }
    Map<Object, Object> copy = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Object key = keys.get(i);
      for (int n = 2; copy.containsKey(key); n++) {
        key = keys.get(i) + "#" + n;
      }
      copy.put(key, redacted.get(i));
    }
    return copy;
  }

  private Object redactCollection(Collection<?> items, int keyClass, int depth) {
    List<Object> out = new ArrayList<>(items.size());
    boolean changed = false;
    int nextClass = keyClass;
    for (Object item : items) {
      Object red = redact(item, nextClass, depth + 1);
      changed |= red != item;
      out.add(red);
      nextClass = argumentClassAfter(item, keyClass);
    }
    if (!changed) {
      return items;
    }
    if (items instanceof Set) {
      Set<Object> set = new LinkedHashSet<>(out);
      return set;
    }
    return out;
  }

  /**
   * An argument vector ({@code ["login", "--password", "hunter2"]}): the element after a flag that
   * names a sensitive key ({@code --password}, {@code -api-key}) is redacted as that key's value.
   */
  private int argumentClassAfter(Object previous, int keyClass) {
    if (keyClass != KeyClassifier.NONE || !(previous instanceof String)) {
      return keyClass;
    }
    String flag = (String) previous;
    int start = 0;
    while (start < flag.length() && start < 2 && flag.charAt(start) == '-') {
      start++;
    }
    if (start == 0 || start == flag.length() || flag.length() > 66 || flag.indexOf('=') >= 0) {
      return keyClass;
    }
    int cls = values.classifyCached(flag.substring(start));
    return KeyedValues.masksWhole(cls) ? cls : keyClass;
  }

  private Object redactArray(Object[] items, int keyClass, int depth) {
    Object[] out = null;
    for (int i = 0; i < items.length; i++) {
      int itemClass = i == 0 ? keyClass : argumentClassAfter(items[i - 1], keyClass);
      Object red = redact(items[i], itemClass, depth + 1);
      if (red != items[i]) {
        if (out == null) {
          out = new Object[items.length];
          System.arraycopy(items, 0, out, 0, items.length);
        }
        out[i] = red;
      }
    }
    return out == null ? items : out;
  }
}
