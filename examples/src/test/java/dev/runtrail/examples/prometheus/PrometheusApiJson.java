package dev.runtrail.examples.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON answers of Prometheus' HTTP API with jackson-core's streaming parser. Field order
 * is not relied on.
 */
final class PrometheusApiJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> TARGET_FIELDS = Set.of("scrapeUrl", "health", "lastError");

    private PrometheusApiJson() {
    }

    /**
     * Reads an {@code /api/v1/query} answer:
     * {@code {"status":"success","data":{"resultType":"vector","result":[{"metric":{..},"value":[t,"v"]}]}}}.
     *
     * @return the samples of a {@code vector} or {@code scalar} result
     * @throws IllegalArgumentException if Prometheus reported an error (bad query), or returned a
     *     range-vector ({@code matrix}) or {@code string} result
     */
    static List<Sample> samples(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return readResponse(parser, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable Prometheus query response: " + json, e);
        }
    }

    /**
     * Reads an {@code /api/v1/targets} answer into one "{scrapeUrl=.., health=.., lastError=..}" line
     * per target, for failure messages. Returns the JSON itself if it cannot be read.
     */
    static String targets(String json) {
        List<String> targets = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            Map<String, String> target = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && TARGET_FIELDS.contains(parser.currentName())) {
                    String field = parser.currentName();
                    parser.nextToken();
                    target.put(field, parser.getText());
                    if (target.size() == TARGET_FIELDS.size()) {
                        targets.add(target.toString());
                        target = new LinkedHashMap<>();
                    }
                }
            }
        } catch (IOException e) {
            return json;
        }
        return targets.toString();
    }

    private static List<Sample> readResponse(JsonParser parser, String json) throws IOException {
        expect(parser, parser.nextToken(), JsonToken.START_OBJECT, json);
        String status = null;
        String errorType = null;
        String error = null;
        Result result = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "status" -> status = parser.getText();
                case "errorType" -> errorType = parser.getText();
                case "error" -> error = parser.getText();
                case "data" -> result = readData(parser, json);
                default -> parser.skipChildren();
            }
        }
        if (!"success".equals(status)) {
            throw new IllegalArgumentException("Prometheus answered " + status + ": " + errorType + ": " + error);
        }
        if (result == null) {
            throw new IllegalArgumentException("Prometheus query response without data: " + json);
        }
        if (!"vector".equals(result.type) && !"scalar".equals(result.type)) {
            throw new IllegalArgumentException("Expected an instant vector or scalar result, got " + result.type
                    + " (a range selector such as [5m] needs a function around it): " + json);
        }
        return result.samples;
    }

    private record Result(String type, List<Sample> samples) {
    }

    private static Result readData(JsonParser parser, String json) throws IOException {
        expect(parser, parser.currentToken(), JsonToken.START_OBJECT, json);
        String type = null;
        List<Sample> samples = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "resultType" -> type = parser.getText();
                case "result" -> samples = readResult(parser, json);
                default -> parser.skipChildren();
            }
        }
        return new Result(type, samples);
    }

    /** A vector is an array of objects; a scalar is one [time, "value"] pair. */
    private static List<Sample> readResult(JsonParser parser, String json) throws IOException {
        expect(parser, parser.currentToken(), JsonToken.START_ARRAY, json);
        List<Sample> samples = new ArrayList<>();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            samples.add(new Sample(Map.of(), readPairValue(parser, json)));
            return samples;
        }
        for (; token == JsonToken.START_OBJECT; token = parser.nextToken()) {
            samples.add(readVectorElement(parser, json));
        }
        if (token == JsonToken.VALUE_STRING) {
            parser.skipChildren();
            return samples;  // a string result; rejected by its resultType
        }
        expect(parser, token, JsonToken.END_ARRAY, json);
        return samples;
    }

    private static Sample readVectorElement(JsonParser parser, String json) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        double value = Double.NaN;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("metric")) {
                expect(parser, token, JsonToken.START_OBJECT, json);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    labels.put(name, parser.getText());
                }
            } else if (field.equals("value")) {
                expect(parser, token, JsonToken.START_ARRAY, json);
                parser.nextToken();  // the evaluation timestamp
                value = readPairValue(parser, json);
            } else {
                parser.skipChildren();  // "values" of a matrix, "histogram" of native histograms
            }
        }
        return new Sample(labels, value);
    }

    /** Reads the "value" string of a [time, "value"] pair whose time is the current token, and the closing ']'. */
    private static double readPairValue(JsonParser parser, String json) throws IOException {
        expect(parser, parser.nextToken(), JsonToken.VALUE_STRING, json);
        double value = parseValue(parser.getText());
        expect(parser, parser.nextToken(), JsonToken.END_ARRAY, json);
        return value;
    }

    /** Prometheus writes special values as NaN, +Inf and -Inf, which Double.parseDouble only partly knows. */
    static double parseValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw new IllegalArgumentException("Unexpected Prometheus query response: expected " + expected
                    + " but got " + actual + " at " + parser.currentLocation() + " in " + json);
        }
    }
}
