package dev.runtrail.benchmarks.remote;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy on 127.0.0.1 with a filesystem backend, in this JVM, and this JVM's AWS SDK settings
 * ({@code aws.endpointUrl}, region, keys) pointed at it: the benchmarks' real S3 API server.
 */
final class BenchS3Proxy implements AutoCloseable {

  private static final String ACCESS_KEY = "runtrail-bench-access";
  private static final String SECRET_KEY = "runtrail-bench-secret-" + "not-a-real-one";

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private BenchS3Proxy(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  /** Starts the server with an empty {@code bucket}, objects under {@code dir}. */
  static BenchS3Proxy start(Path dir, String bucket) throws Exception {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dir.toString());
    BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
        .overrides(properties).build(BlobStoreContext.class);
    String endpoint = "http://127.0.0.1:" + port;
    S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create(endpoint))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IOException("S3Proxy did not start within 20 s: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    context.getBlobStore().createContainerInLocation(null, bucket);
    System.setProperty("aws.endpointUrl", endpoint);
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    return new BenchS3Proxy(context, proxy);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
