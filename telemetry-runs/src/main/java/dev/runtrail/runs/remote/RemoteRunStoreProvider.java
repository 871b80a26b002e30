package dev.runtrail.runs.remote;

import java.net.URI;

/**
 * Opens a {@link RemoteRunStore} for the URLs of one scheme; registered in
 * {@code META-INF/services/dev.runtrail.runs.remote.RemoteRunStoreProvider} (telemetry-runs-s3 registers
 * {@code s3}).
 */
public interface RemoteRunStoreProvider {

  /** The URL scheme this provider opens, lower case, e.g. {@code s3}. */
  String scheme();

  /**
   * The store at this URL.
   *
   * @throws IllegalArgumentException when the URL is not one the provider can open (the message says why)
   */
  RemoteRunStore open(URI url);
}
