package dev.runtrail.redaction.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Structure-preserving JSON redaction on jackson-core's streaming parser. Nothing is re-serialized: the
 * parser finds each string, number and field name, and only the tokens that change are patched in the
 * original text, so keys, nesting, order and even whitespace survive. Invalid JSON falls back to
 * free-text redaction of whatever was not yet written (never throws for bad input, never leaks).
 */
public final class JsonRedactor {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final int MAX_DEPTH = 2048;
  /** Numbers shorter than this cannot be card numbers and pass without a look. */
  private static final int MIN_CARD_DIGITS = 13;

  private final KeyedValues values;

  public JsonRedactor(KeyedValues values) {
    this.values = values;
  }

  /** Redacted JSON; {@code json} itself when nothing changed. */
  public String redact(String json) {
    if (json == null) {
      return null;
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonPatcher patcher = JsonPatcher.forString(json);
      walk(parser, patcher);
      return patcher.finishString();
    } catch (IOException | RuntimeException e) {
      return values.scanner().redact(json);
    }
  }

  /** Streams {@code in} to {@code out}, redacted; does not close either. */
  public void redact(Reader in, Writer out) throws IOException {
    RecordingReader recording = new RecordingReader(in);
    JsonPatcher patcher = JsonPatcher.forStream(recording, out);
    try (JsonParser parser = FACTORY.createParser(recording)) {
      walk(parser, patcher);
      patcher.finishStream();
    } catch (JsonProcessingException | RuntimeException e) {
      if (recording.failed() != null) {
        throw recording.failed();
      }
      StringWriter rest = new StringWriter();
      recording.unwrittenFrom(patcher.written(), rest);
      out.write(values.scanner().redact(rest.toString()));
    }
    out.flush();
  }

  private void walk(JsonParser parser, JsonPatcher patcher) throws IOException {
    int[] classes = new int[16];
    boolean[] arrays = new boolean[16];
    // per object: its name/value pair's name named a secret ({"name": "DB_PASSWORD", "value": ...})
    boolean[] secretNamed = new boolean[16];
    // per object or array: the key it is the value of, through arrays ({"api": [{"key": ...}]}); null at the top
    String[] parents = new String[16];
    boolean pairName = false;
    String fieldName = "";
    int depth = 0;
    int fieldClass = KeyClassifier.NONE;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      int valueClass = depth == 0 ? KeyClassifier.NONE : arrays[depth - 1] ? classes[depth - 1] : fieldClass;
      switch (token) {
        case FIELD_NAME:
          String name = parser.currentName();
          fieldName = name;
          fieldClass = classes[depth - 1] == KeyClassifier.SECRET ? KeyClassifier.SECRET
              : values.classifyUnder(parents[depth - 1], name);
          if (fieldClass == KeyClassifier.NONE && secretNamed[depth - 1]
              && PairKeys.isPairValueKey(name, 0, name.length())) {
            fieldClass = KeyClassifier.SECRET;
          }
          pairName = !KeyedValues.masksWhole(fieldClass) && PairKeys.isPairNameKey(name, 0, name.length());
          patchString(parser, patcher, name, values.redactKey(name));
          break;
        case START_OBJECT:
        case START_ARRAY:
          if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
          }
          if (depth == classes.length) {
            classes = java.util.Arrays.copyOf(classes, depth * 2);
            arrays = java.util.Arrays.copyOf(arrays, depth * 2);
            secretNamed = java.util.Arrays.copyOf(secretNamed, depth * 2);
            parents = java.util.Arrays.copyOf(parents, depth * 2);
          }
          parents[depth] = depth == 0 ? null : arrays[depth - 1] ? parents[depth - 1] : fieldName;
          classes[depth] = valueClass;
          arrays[depth] = token == JsonToken.START_ARRAY;
          secretNamed[depth] = false;
          depth++;
          break;
        case END_OBJECT:
        case END_ARRAY:
          depth--;
          break;
        case VALUE_STRING:
          String text = parser.getText();
          if (pairName && values.classify(text) == KeyClassifier.SECRET) {
            secretNamed[depth - 1] = true;
          }
          if (valueClass == KeyClassifier.SECRET && !arrays[depth - 1]
              && PairKeys.isWorkingDirectory(fieldName, 0, fieldName.length(), text, 0)) {
            valueClass = KeyClassifier.NONE;
          }
          patchString(parser, patcher, text, values.redactUnder(valueClass, text));
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          patchNumber(parser, patcher, valueClass);
          break;
        default:
          break;
      }
      pairName &= token == JsonToken.FIELD_NAME;
      if (patcher.streaming()) {
        patcher.flushTo(parser.currentLocation().getCharOffset());
      }
    }
  }

  private static void patchString(JsonParser parser, JsonPatcher patcher, String original, String redacted)
      throws IOException {
    if (redacted.equals(original)) {
      return;
    }
    long start = parser.currentTokenLocation().getCharOffset();
    patcher.replace(start, patcher.stringTokenEnd(start), quote(redacted));
  }

  private void patchNumber(JsonParser parser, JsonPatcher patcher, int valueClass) throws IOException {
    if (!KeyedValues.masksWhole(valueClass) && parser.getTextLength() < MIN_CARD_DIGITS) {
      return;
    }
    String number = parser.getText();
    String redacted = KeyedValues.masksWhole(valueClass)
        ? values.mask(valueClass, number) : values.redactUnder(valueClass, number);
    if (!redacted.equals(number)) {
      long start = parser.currentTokenLocation().getCharOffset();
      patcher.replace(start, start + number.length(), quote(redacted));
    }
  }

  private static String quote(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }
}
