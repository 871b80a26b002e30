package dev.runtrail.telemetry.trail;

/** The well-known action trail event types, and the rule every type name follows. */
public final class TrailEventTypes {

  public static final String TOOL_CALL = "tool_call";
  public static final String TOOL_RESULT = "tool_result";
  public static final String CREDENTIAL_ISSUED = "credential_issued";
  public static final String POLICY_EVALUATED = "policy_evaluated";
  public static final String PIPELINE_TRIGGERED = "pipeline_triggered";
  public static final String PR_CREATED = "pr_created";
  public static final String HUMAN_INPUT_REQUESTED = "human_input_requested";
  public static final String HUMAN_INPUT_RECEIVED = "human_input_received";
  public static final String ERROR = "error";
  public static final String BUDGET_WARNING = "budget_warning";
  public static final String DECORATOR_USED = "decorator_used";

  private static final int MAX_LENGTH = 64;

  /**
   * Whether {@code type} is a valid event type name: a lower-case letter, then up to 63 lower-case
   * letters, digits, {@code _} or {@code .} ({@code [a-z][a-z0-9_.]{0,63}}).
   */
  public static boolean isValid(String type) {
    if (type == null || type.isEmpty() || type.length() > MAX_LENGTH) {
      return false;
    }
    char first = type.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code type} if it is valid.
   *
   * @throws IllegalArgumentException naming the bad type and the rule
   */
  public static String requireValid(String type) {
    if (!isValid(type)) {
      throw new IllegalArgumentException(
          "Invalid trail event type '" + type + "': use a lower-case name matching [a-z][a-z0-9_.]{0,63},"
              + " e.g. deploy_approved");
    }
    return type;
  }

  private TrailEventTypes() {}
}
