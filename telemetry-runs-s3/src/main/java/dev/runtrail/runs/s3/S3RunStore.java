package dev.runtrail.runs.s3;

import dev.runtrail.runs.remote.RemoteRunStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link RemoteRunStore} in an S3-compatible bucket: run {@code KEY}'s files become the objects
 * {@code PREFIX/KEY/FILE}. The client comes from the AWS SDK's standard chains: region
 * ({@code AWS_REGION}, {@code aws.region}, profile), credentials ({@code AWS_ACCESS_KEY_ID}, profile,
 * container or instance role) and endpoint ({@code AWS_ENDPOINT_URL}, {@code aws.endpointUrl}); with an
 * endpoint set (MinIO, S3Proxy, GCS interop) requests use path-style addressing. Checksums are sent and
 * checked only where S3 requires them, which every S3-compatible server accepts.
 *
 * <pre>{@code
 * RemoteRunStore store = S3RunStore.open(URI.create("s3://ci-runs/fleet"), System.getenv(), System.getProperties());
 * }</pre>
 */
public final class S3RunStore implements RemoteRunStore {

  private static final String SUMMARY = "summary.json";
  private static final List<String> ENDPOINT_VARIABLES = List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
  private static final List<String> ENDPOINT_PROPERTIES = List.of("aws.endpointUrlS3", "aws.endpointUrl");

  private final S3Client client;
  private final String bucket;
  private final String prefix; // "" or ending in '/'
  private final String location;

  S3RunStore(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() ? "" : prefix + "/";
    this.location = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  /**
   * The store at {@code s3://BUCKET[/PREFIX]}, with a client from the SDK's standard chains.
   *
   * @param environment where to look for an endpoint override (path-style addressing follows it)
   * @throws IllegalArgumentException when the URL names no bucket, or the SDK finds no region
   */
  public static S3RunStore open(URI url, Map<String, String> environment, java.util.Properties properties) {
    if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("s3") || url.getHost() == null
        || url.getHost().isBlank()) {
      throw new IllegalArgumentException("expected s3://BUCKET/PREFIX (a bucket name, then an optional prefix)");
    }
    String prefix = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
    boolean endpointSet = ENDPOINT_VARIABLES.stream().anyMatch(name -> notBlank(environment.get(name)))
        || ENDPOINT_PROPERTIES.stream().anyMatch(name -> notBlank(properties.getProperty(name)));
    try {
      S3Client client = S3Client.builder()
          .httpClientBuilder(UrlConnectionHttpClient.builder()
              .connectionTimeout(Duration.ofSeconds(2))
              .socketTimeout(Duration.ofSeconds(10)))
          .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(15))
              .apiCallTimeout(Duration.ofSeconds(60)))
          .forcePathStyle(endpointSet)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
          .build();
      return new S3RunStore(client, url.getHost().toLowerCase(Locale.ROOT), prefix);
    } catch (SdkException e) {
      throw new IllegalArgumentException("cannot make an S3 client (" + e.getMessage() + "); set AWS_REGION and"
          + " credentials as for any AWS SDK, and AWS_ENDPOINT_URL for a server other than AWS S3", e);
    }
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void put(String key, Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).filter(file -> !isTemp(file)).sorted().toList());
    }
    // summary.json last: its object marks a complete copy, as its file does on disk.
    files.sort((a, b) -> Boolean.compare(isSummary(folder, a), isSummary(folder, b)));
    for (Path file : files) {
      String objectKey = objectKey(key) + folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
      call("storing " + file + " as " + objectKey, () -> client.putObject(b -> b.bucket(bucket).key(objectKey),
          RequestBody.fromFile(file)));
    }
  }

  @Override
  public boolean fetch(String key, Path folder) throws IOException {
    List<S3Object> objects = list(key);
    if (objects.isEmpty()) {
      return false;
    }
    String base = objectKey(key);
    List<S3Object> ordered = new ArrayList<>(objects);
    ordered.sort((a, b) -> Boolean.compare(a.key().equals(base + SUMMARY), b.key().equals(base + SUMMARY)));
    for (S3Object object : ordered) {
      Path target = folder.resolve(object.key().substring(base.length())).normalize();
      if (!target.startsWith(folder.normalize())) {
        continue; // a key with ../ in it: never written outside the run folder
      }
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling(target.getFileName() + ".fetch.tmp");
      Files.deleteIfExists(temp);
      call("fetching " + object.key(), () -> client.getObject(b -> b.bucket(bucket).key(object.key()),
          ResponseTransformer.toFile(temp)));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return true;
  }

  @Override
  public void delete(String key) throws IOException {
    // One DeleteObject per file, not DeleteObjects: a run has a handful of files, and DeleteObjects needs
    // a checksum header that some S3-compatible servers do not implement.
    for (S3Object object : list(key)) {
      call("deleting " + object.key(), () -> client.deleteObject(b -> b.bucket(bucket).key(object.key())));
    }
  }

  private List<S3Object> list(String key) throws IOException {
    String objectPrefix = objectKey(key);
    List<S3Object> objects = new ArrayList<>();
    call("listing " + objectPrefix, () -> client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(objectPrefix))
        .contents().forEach(objects::add));
    return objects;
  }

  private String objectKey(String key) {
    if (key == null || key.isBlank() || key.startsWith("/") || key.contains("..")) {
      throw new IllegalArgumentException("not a run folder key: '" + key + "'");
    }
    return prefix + key + (key.endsWith("/") ? "" : "/");
  }

  private static boolean isSummary(Path folder, Path file) {
    return folder.relativize(file).toString().equals(SUMMARY);
  }

  private static boolean isTemp(Path file) {
    return file.getFileName().toString().endsWith(".tmp");
  }

  /** One S3 request. */
  @FunctionalInterface
  private interface Call {
    void run();
  }

  private void call(String what, Call call) throws IOException {
    try {
      call.run();
    } catch (SdkException e) {
      throw new IOException(what + " in " + location + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (RuntimeException e) {
      // nothing more to release
    }
  }

  @Override
  public String toString() {
    return "S3RunStore{" + location + "}";
  }
}
