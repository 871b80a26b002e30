package dev.runtrail.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for one test class: {@code initdb} into a temp folder, then
 * {@code postgres} on a free port of 127.0.0.1 with trust authentication, fsync off. PostgreSQL refuses
 * to run as root, so as root (CI) both run as the {@code postgres} user Debian's package creates (else
 * {@code nobody}) through {@code runuser}. Needs Debian's {@code postgresql} (found by {@link Tools}).
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.start()) {
 *   DriverManager.getConnection(pg.jdbcUrl());
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

  /** The Debian package that has initdb and postgres. */
  public static final String DEBIAN_PACKAGE = "postgresql";
  private static final String SUPERUSER = "runtrail";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path base;
  private final int port;
  private final Process process;

  private PostgresServer(Path base, int port, Process process) {
    this.base = base;
    this.port = port;
    this.process = process;
  }

  /** Creates a database cluster in a new temp folder and starts the server on it. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path initdb = Tools.locate(DEBIAN_PACKAGE, "initdb");
    Path postgres = Tools.locate(DEBIAN_PACKAGE, "postgres");
    Path base = Files.createTempDirectory("runtrail-pg-");
    List<String> asUser = asUser(base);
    Path data = base.resolve("data");
    Path log = base.resolve("postgres.log");
    run(command(asUser, initdb.toString(), "-D", data.toString(), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
        "--no-sync", "--no-instructions"), base.resolve("initdb.log"));
    int port = freePort();
    Process process = new ProcessBuilder(command(asUser, postgres.toString(), "-D", data.toString(), "-p",
        Integer.toString(port), "-h", "127.0.0.1", "-k", base.toString(), "-F", "-c", "max_connections=60"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PostgresServer server = new PostgresServer(base, port, process);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains("ready to accept connections")) {
        return server;
      }
      if (!process.isAlive()) {
        throw new IOException("postgres exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    server.close();
    throw new IOException("postgres was not ready within " + START_TIMEOUT + ": " + Files.readString(log));
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres?user=runtrail}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER;
  }

  public int port() {
    return port;
  }

  /** Fast shutdown (SIGINT to the postmaster: sessions are ended), then the folder is removed. */
  @Override
  public void close() throws IOException, InterruptedException {
    Path pidFile = base.resolve("data").resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      String pid = Files.readAllLines(pidFile).get(0).trim();
      new ProcessBuilder("kill", "-INT", pid).inheritIO().start().waitFor();
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** {@code runuser -u USER --} when running as root (after handing the folder to USER), else nothing. */
  private static List<String> asUser(Path base) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    String user = userExists("postgres") ? "postgres" : "nobody";
    UserPrincipal owner = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    Files.setOwner(base, owner);
    return List.of("runuser", "-u", user, "--");
  }

  private static boolean userExists(String user) throws IOException, InterruptedException {
    return new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
  }

  private static List<String> command(List<String> prefix, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
