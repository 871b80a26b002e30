package dev.runtrail.runs.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Finds the {@link RemoteRunStoreProvider} of a URL's scheme on the class path. */
public final class RemoteRunStores {

  private RemoteRunStores() {}

  /**
   * Opens the store at {@code url}.
   *
   * @param source the variable or option the URL came from, named in errors
   * @throws IllegalArgumentException naming the source and value when the URL is malformed or no provider
   *     on the class path opens its scheme
   */
  public static RemoteRunStore open(String url, String source) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(source + "='" + url + "' is not a URL: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null) {
      throw new IllegalArgumentException(source + "='" + url + "' has no scheme: use s3://BUCKET/PREFIX");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    List<String> known = new ArrayList<>();
    for (RemoteRunStoreProvider provider : ServiceLoader.load(RemoteRunStoreProvider.class,
        RemoteRunStores.class.getClassLoader())) {
      if (provider.scheme().equals(scheme)) {
        try {
          return provider.open(uri);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + "='" + url + "': " + e.getMessage(), e);
        }
      }
      known.add(provider.scheme());
    }
    throw new IllegalArgumentException(source + "='" + url + "': no run store for '" + scheme + "://' on the class"
        + " path (" + (known.isEmpty() ? "none is" : "there are: " + String.join(", ", known)) + "); for s3:// add"
        + " dev.runtrail:telemetry-runs-s3");
  }
}
