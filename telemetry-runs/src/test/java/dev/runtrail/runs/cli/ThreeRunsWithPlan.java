package dev.runtrail.runs.cli;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.SeedRun;
import java.nio.file.Path;

/** Adds one run whose plan hash is the given one. */
final class ThreeRunsWithPlan {

  static final String RUN_ID = "run-20250920-150000-eeeeee";

  private ThreeRunsWithPlan() {}

  static void store(Path runsDir, String planHash) throws Exception {
    RunStoreExporter.create(runsDir).export(SeedRun.builder(runsDir, RUN_ID, SeedRun.STARTED.plusSeconds(7200))
        .plan(planHash, "{\"version\":\"1.0\"}", java.util.List.of())
        .files(runsDir.resolve("prod/api/" + planHash + "/" + RUN_ID), null).build());
  }
}
