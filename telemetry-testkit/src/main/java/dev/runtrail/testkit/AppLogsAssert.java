package dev.runtrail.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions over the app's formatted log output ({@link AppLogs}). A "contains no secret" check fails when
 * nothing was captured at all, rather than passing on no evidence; its failure shows each offending line
 * with the secret masked.
 *
 * <pre>{@code
 * assertThat(appLogs).hasLineContaining("calling").doesNotContain(captured.canary().githubToken());
 * }</pre>
 */
public final class AppLogsAssert extends AbstractAssert<AppLogsAssert, AppLogs> {
  private static final int SHOWN = 8;
  private static final int CONTEXT = 60;

  AppLogsAssert(AppLogs logs) {
    super(logs, AppLogsAssert.class);
  }

  /** Some writer wrote a line containing this text. */
  public AppLogsAssert hasLineContaining(String text) {
    isNotNull();
    for (AppLogOutput output : actual.outputs()) {
      if (output.text().contains(text)) {
        return this;
      }
    }
    failWithMessage("%s", "Expected an app log line containing '" + text + "' but the writers "
        + actual.writers() + " wrote:" + lines(actual.outputs()));
    return this;
  }

  /** No canary's secret appears in any writer's output. */
  public AppLogsAssert doesNotContain(Canary... canaries) {
    isNotNull();
    List<String[]> secrets = new ArrayList<>();
    for (Canary canary : canaries) {
      secrets.add(new String[] {canary.secret(), canary.kind() + " canary"});
    }
    return doesNotContain(secrets);
  }

  /** None of these texts appears in any writer's output. */
  public AppLogsAssert doesNotContain(String... secrets) {
    isNotNull();
    return doesNotContain(Arrays.stream(secrets).map(s -> new String[] {s, "secret"}).toList());
  }

  private AppLogsAssert doesNotContain(List<String[]> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("give at least one canary or secret to look for");
    }
    List<AppLogOutput> outputs = actual.outputs();
    if (outputs.isEmpty()) {
      failWithMessage("%s", "Cannot show that no secret reached the app's logs: no log output was captured"
          + " (writers tapped: " + actual.writers() + "). Log something in the test, or check that the"
          + " logger reaches an appender.");
    }
    List<String> found = new ArrayList<>();
    for (String[] secret : secrets) {
      for (int i = 0; i < outputs.size(); i++) {
        AppLogOutput output = outputs.get(i);
        for (String line : output.text().split("\r?\n")) {
          int at = line.indexOf(secret[0]);
          if (at >= 0) {
            found.add("\n  " + secret[1] + " '" + mask(secret[0]) + "' in output #" + (i + 1) + " of "
                + output.writer() + ": " + excerpt(line, at, secret[0]));
          }
        }
      }
    }
    if (!found.isEmpty()) {
      failWithMessage("%s", "Expected no secret in the app's log output but found:" + String.join("", found));
    }
    return this;
  }

  /** The first characters of the secret and an ellipsis: recognizable, not reusable. */
  static String mask(String secret) {
    int shown = Math.min(SHOWN, secret.length() / 2);
    return secret.substring(0, shown) + "…";
  }

  private static String excerpt(String line, int at, String secret) {
    String masked = line.replace(secret, mask(secret));
    int from = Math.max(0, at - CONTEXT);
    int to = Math.min(masked.length(), at + mask(secret).length() + CONTEXT);
    return "'" + (from > 0 ? "…" : "") + masked.substring(from, to) + (to < masked.length() ? "…" : "") + "'";
  }

  private static String lines(List<AppLogOutput> outputs) {
    if (outputs.isEmpty()) {
      return " nothing";
    }
    StringBuilder out = new StringBuilder();
    for (AppLogOutput output : outputs.subList(0, Math.min(outputs.size(), 25))) {
      out.append("\n  ").append(output.writer()).append(": ").append(output.text().strip());
    }
    return out.toString();
  }
}
