package dev.runtrail.runs.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3 API server (S3Proxy) on 127.0.0.1 with its objects in a folder of the test, so it can be
 * stopped and started again on the same port without losing them. Requests must be signed with
 * {@link #ACCESS_KEY} / {@link #SECRET_KEY}.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "runtrail-test-access";
  public static final String SECRET_KEY = "runtrail-test-secret-" + "not-a-real-one";
  public static final String REGION = "us-east-1";

  private final Path dir;
  private final int port;
  private BlobStoreContext context;
  private S3Proxy proxy;

  public S3ProxyServer(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** What a JVM needs to reach this server through the SDK's standard chains, as system properties. */
  public List<String> systemProperties() {
    return List.of("-Daws.endpointUrl=" + endpoint(), "-Daws.region=" + REGION, "-Daws.accessKeyId=" + ACCESS_KEY,
        "-Daws.secretAccessKey=" + SECRET_KEY);
  }

  /** Sets {@link #systemProperties()} in this JVM. */
  public void configureThisJvm() {
    for (String property : systemProperties()) {
      String[] pair = property.substring(2).split("=", 2);
      System.setProperty(pair[0], pair[1]);
    }
  }

  public S3ProxyServer start() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dir.toString());
    context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential").overrides(properties)
        .build(BlobStoreContext.class);
    proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create(endpoint()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    awaitPort(true, "start");
    return this;
  }

  /**
   * Waits until the state is STARTED and the port accepts connections, or (stopped) until it refuses
   * them: Jetty can go on accepting for a moment after {@code stop()} returns, and a test that stops
   * the server to make copies fail must not have one slip through.
   */
  private void awaitPort(boolean open, String what) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while ((open && !"STARTED".equals(proxy.getState())) || accepts() != open) {
      if (System.nanoTime() > deadline) {
        throw new IOException("S3Proxy did not " + what + " within 20 s (port " + port + ")");
      }
      Thread.sleep(10); // polling, bounded by the deadline
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** Creates the bucket if needed and empties it. */
  public void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
    keys(bucket).forEach(key -> context.getBlobStore().removeBlob(bucket, key));
  }

  /** Stores an object straight in the blob store (not through S3). */
  public void putObject(String bucket, String key, String content) {
    BlobStore store = context.getBlobStore();
    store.putBlob(bucket, store.blobBuilder(key).payload(content).build());
  }

  /** Removes an object straight from the blob store. */
  public void removeObject(String bucket, String key) {
    context.getBlobStore().removeBlob(bucket, key);
  }

  /** The keys of every object in the bucket, sorted (read straight from the blob store, not through S3). */
  public TreeSet<String> keys(String bucket) {
    BlobStore store = context.getBlobStore();
    TreeSet<String> keys = new TreeSet<>();
    String marker = null;
    do {
      ListContainerOptions options = ListContainerOptions.Builder.recursive();
      if (marker != null) {
        options.afterMarker(marker);
      }
      var page = store.list(bucket, options);
      List<StorageMetadata> items = new ArrayList<>(page);
      items.stream().filter(item -> item.getType() == StorageType.BLOB).forEach(item -> keys.add(item.getName()));
      marker = page.getNextMarker();
    } while (marker != null);
    return keys;
  }

  public void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
      awaitPort(false, "stop");
      proxy = null;
    }
    if (context != null) {
      context.close();
      context = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
