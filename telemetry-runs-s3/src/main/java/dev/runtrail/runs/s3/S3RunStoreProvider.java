package dev.runtrail.runs.s3;

import dev.runtrail.runs.remote.RemoteRunStore;
import dev.runtrail.runs.remote.RemoteRunStoreProvider;
import java.net.URI;

/**
 * Opens {@code s3://} run stores; registered in
 * {@code META-INF/services/dev.runtrail.runs.remote.RemoteRunStoreProvider}, so having telemetry-runs-s3
 * on the class path makes {@code RUNTRAIL_RUN_STORE_URL=s3://bucket/prefix} work.
 */
public final class S3RunStoreProvider implements RemoteRunStoreProvider {

  /** For {@link java.util.ServiceLoader}. */
  public S3RunStoreProvider() {}

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public RemoteRunStore open(URI url) {
    return S3RunStore.open(url, System.getenv(), System.getProperties());
  }
}
