package dev.runtrail.redaction.internal;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redacts nested maps, lists and arrays: keys are kept (value rules apply to them too, so a secret used as
 * a key does not leak), key rules apply at every depth and count the parent key as the dotted key would
 * ({@code {api: {key: ...}}} is {@code api.key}), and under a secret key every scalar of a nested structure is
 * masked while the structure stays. Returns the same instance when nothing changed.
 */
public final class TreeRedactor {
  private static final int MAX_DEPTH = 64;
  /** A name/value pair is a small map: past this many entries a {@code value} key is not looked at as one. */
  private static final int MAX_PAIR_ENTRIES = 8;

  private final KeyedValues values;

  public TreeRedactor(KeyedValues values) {
    this.values = values;
  }

  public Object redact(Object value) {
    return redact(value, KeyClassifier.NONE, null, 0);
  }

  /** @param parentKey the key {@code value} sits under, through lists (null at the top) */
  private Object redact(Object value, int keyClass, String parentKey, int depth) {
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
      return redactMap((Map<?, ?>) value, keyClass, parentKey, depth);
    }
    if (value instanceof Collection) {
      return redactCollection((Collection<?>) value, keyClass, parentKey, depth);
    }
    if (value instanceof Object[]) {
      return redactArray((Object[]) value, keyClass, parentKey, depth);
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
    if (KeyedValues.masksWhole(keyClass)) {
      return values.mask(keyClass, String.valueOf(value));
    }
    if (value instanceof Number && !(value instanceof Long || value instanceof BigInteger)) {
      return value; // counts, sizes, durations: never rendered, so nothing to allocate
    }
    String text = String.valueOf(value);
    String red = values.redactUnder(keyClass, text);
    return red.equals(text) ? value : red;
  }

  /**
   * Nothing is allocated while the entries come back unchanged (the common case: a clean event). At the
   * first change the copy is started; the entries before it are read again from the map and redacted
   * again rather than copied as they are, so a map changed meanwhile by another thread cannot slip an
   * unredacted value into the copy.
   */
  private Object redactMap(Map<?, ?> map, int keyClass, String parentKey, int depth) {
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    for (int unchanged = 0; entries.hasNext(); unchanged++) {
      Map.Entry<?, ?> entry = entries.next();
      Object key = entry.getKey();
      Object value = entry.getValue();
      String keyText = String.valueOf(key);
      KnownKeys.Entry known = values.entry(keyText);
      Object newValue = redact(value, childClass(map, keyClass, parentKey, known), keyText, depth + 1);
      Object newKey = known.cleanText ? key : redactKey(key, keyText);
      if (newKey != key || newValue != value) {
        Map<Object, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        Iterator<? extends Map.Entry<?, ?>> again = map.entrySet().iterator();
        for (int i = 0; i < unchanged && again.hasNext(); i++) {
          putRedacted(copy, map, again.next(), keyClass, parentKey, depth);
        }
        putUnique(copy, newKey, newValue);
        while (entries.hasNext()) {
          putRedacted(copy, map, entries.next(), keyClass, parentKey, depth);
        }
        return copy;
      }
    }
    return map;
  }

  private void putRedacted(Map<Object, Object> copy, Map<?, ?> map, Map.Entry<?, ?> entry, int keyClass,
      String parentKey, int depth) {
    Object key = entry.getKey();
    String keyText = String.valueOf(key);
    Object newValue = redact(entry.getValue(), childClass(map, keyClass, parentKey, values.entry(keyText)), keyText,
        depth + 1);
    putUnique(copy, redactKey(key, keyText), newValue);
  }

  /** The class of the value under {@code key} (looked up) in {@code map}, the value of a {@code keyClass} key. */
  private int childClass(Map<?, ?> map, int keyClass, String parentKey, KnownKeys.Entry key) {
    return keyClass == KeyClassifier.SECRET ? KeyClassifier.SECRET
        : pairValueClass(map, key.key, values.classUnder(parentKey, key));
  }

  /**
   * A {@code value} key whose pair's name is a sensitive key ({@code {name=DB_PASSWORD, value=...}},
   * HAR headers {@code {name=Authorization, value=...}}) holds a secret, {@code PWD} holding a path does not
   * (the working directory); else {@code cls} stands.
   */
  private int pairValueClass(Map<?, ?> map, String keyText, int cls) {
    if (cls == KeyClassifier.SECRET) {
      Object value = map.get(keyText);
      return value instanceof String && PairKeys.isWorkingDirectory(keyText, 0, keyText.length(), (String) value, 0)
          ? KeyClassifier.NONE : cls;
    }
    if (cls != KeyClassifier.NONE || !PairKeys.isPairValueKey(keyText, 0, keyText.length())) {
      return cls;
    }
    int looked = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (e.getValue() instanceof String && PairKeys.isPairNameKey(name, 0, name.length())
          && values.classify((String) e.getValue()) == KeyClassifier.SECRET) {
        return KeyClassifier.SECRET;
      }
      if (++looked == MAX_PAIR_ENTRIES) {
        break;
      }
    }
    return cls;
  }

  private Object redactKey(Object key, String keyText) {
    String red = values.redactKey(keyText);
    return red.equals(keyText) ? key : red;
  }

  /** Two keys that redact to the same text ({@code [REDACTED]}) both stay: the later one gets a "#n" suffix. */
  private static void putUnique(Map<Object, Object> copy, Object key, Object value) {
    Object unique = key;
    for (int n = 2; copy.containsKey(unique); n++) {
      unique = key + "#" + n;
    }
    copy.put(unique, value);
  }

  /** Like {@link #redactMap}: allocates only at the first changed item, then redacts the ones before it again. */
  private Object redactCollection(Collection<?> items, int keyClass, String parentKey, int depth) {
    Iterator<?> it = items.iterator();
    int nextClass = keyClass;
    for (int unchanged = 0; it.hasNext(); unchanged++) {
      Object item = it.next();
      Object red = redact(item, nextClass, parentKey, depth + 1);
      nextClass = argumentClassAfter(item, keyClass);
      if (red != item) {
        List<Object> out = new ArrayList<>(items.size());
        int againClass = keyClass;
        Iterator<?> again = items.iterator();
        for (int i = 0; i < unchanged && again.hasNext(); i++) {
          Object before = again.next();
          out.add(redact(before, againClass, parentKey, depth + 1));
          againClass = argumentClassAfter(before, keyClass);
        }
        out.add(red);
        while (it.hasNext()) {
          Object rest = it.next();
          out.add(redact(rest, nextClass, parentKey, depth + 1));
          nextClass = argumentClassAfter(rest, keyClass);
        }
        return items instanceof Set ? new LinkedHashSet<>(out) : out;
      }
    }
    return items;
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
    int cls = values.classify(flag, start, flag.length());
    return KeyedValues.masksWhole(cls) ? cls : keyClass;
  }

  private Object redactArray(Object[] items, int keyClass, String parentKey, int depth) {
    Object[] out = null;
    for (int i = 0; i < items.length; i++) {
      int itemClass = i == 0 ? keyClass : argumentClassAfter(items[i - 1], keyClass);
      Object red = redact(items[i], itemClass, parentKey, depth + 1);
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
