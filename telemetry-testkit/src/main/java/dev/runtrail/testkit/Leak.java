package dev.runtrail.testkit;

/**
 * One place a canary was found.
 *
 * @param canary the canary that leaked
 * @param location where, e.g. {@code span 'main/deploy' attribute 'cmd'} or
 *     {@code file 'prod/api/_/run-.../trail.jsonl' line 3}
 */
public record Leak(Canary canary, String location) {

  @Override
  public String toString() {
    return canary.label() + " found in " + location;
  }
}
