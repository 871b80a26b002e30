package dev.runtrail.trail.redis;

import dev.runtrail.testsupport.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real redis-server on 127.0.0.1, its append-only file in a folder of the test, so a restart keeps the data. */
final class RedisServer implements AutoCloseable {
  private final Path executable;
  private final Path dir;
  final int port;
  private Process process;

  RedisServer(Path dir) throws IOException {
    this.executable = Tools.locate("redis-server", "redis-server");
    this.dir = dir;
    this.port = freePort();
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  RedisServer start() throws IOException, InterruptedException {
    process = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        "--protected-mode", "no")
        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return this;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException("redis-server exited with " + process.exitValue() + "; see " + dir.resolve("redis.log"));
        }
        Thread.sleep(20);
      }
    }
    throw new IOException("redis-server did not listen on " + port + " within 20 s");
  }

  /** A clean shutdown (SIGTERM): Redis finishes its append-only file and exits. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
