package dev.runtrail.runs.remote;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Object storage that keeps a copy of each finished run's folder, so that any machine of a fleet can
 * read it ({@code RUNTRAIL_RUN_STORE_URL}, e.g. {@code s3://bucket/prefix} with telemetry-runs-s3). A
 * run's key is its folder relative to the runs directory ({@code <env>/<target>/<plan-hash>/<run-id>}),
 * the same {@code dir} the index holds. Found through {@link RemoteRunStoreProvider}.
 *
 * <p>Implementations must be thread-safe. Calls block; the run store makes them on its own upload
 * thread, never the app's.
 */
public interface RemoteRunStore extends AutoCloseable {

  /** Where the runs go, for messages (no credentials), e.g. {@code s3://bucket/prefix}. */
  String location();

  /**
   * Copies every file of the folder under the key, {@code summary.json} last (its presence marks a
   * complete copy, as on disk); replaces what was there.
   *
   * @throws IOException when any file could not be stored (the call may be repeated)
   */
  void put(String key, Path folder) throws IOException;

  /**
   * Copies the run stored under the key into the folder (created if needed).
   *
   * @return false when nothing is stored under the key
   * @throws IOException when the store could not be read
   */
  boolean fetch(String key, Path folder) throws IOException;

  /** Removes everything stored under the key; no error when there is nothing. */
  void delete(String key) throws IOException;

  /** Releases connections; no error after a failure. */
  @Override
  void close();
}
