package dev.runtrail.benchmarks.redaction;

import dev.runtrail.redaction.Redactor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Clean-text throughput of this build's redaction engine against an older build's, in one JVM and one
 * run: each operation redacts the same corpus once with each engine, back to back, alternating which goes
 * first, and adds each half's {@code System.nanoTime()} duration to its own counter ({@code baselineNanos},
 * {@code currentNanos}). A slow stretch of a shared machine falls on both halves alike, which two runs
 * one after the other cannot promise. {@link VersionsReport} divides the two per iteration.
 *
 * <p>The older build is a {@code telemetry-redaction} jar named by the system property
 * {@code runtrail.bench.baselineJar} (passed to the fork with {@code -jvmArgsAppend}); its
 * {@code dev.runtrail.redaction} classes are loaded by a class loader of their own, so both engines are
 * compiled and profiled by the JIT separately. {@code benchmarks/run-redaction-versions.sh} builds that
 * jar from a given commit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedactionVersionsBenchmark {

  /** The system property naming the older {@code telemetry-redaction} jar. */
  public static final String BASELINE_JAR = "runtrail.bench.baselineJar";

  /** The corpus and both engines. */
  @State(Scope.Benchmark)
  public static class Engines {
    /** {@code lines}: realistic log lines; {@code messages}: plain messages; {@code json}: trail events, redacted as text. */
    @Param({"lines", "messages", "json"})
    public String corpus;

    List<String> items;
    MethodHandle baseline;
    Redactor current;

    @Setup
    public void build() throws Exception {
      items = corpus(corpus).items();
      current = Redactor.defaults();
      baseline = baselineRedact(baselineJar());
    }
  }

  /** Time spent in each half, per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class HalfNanos {
    public long baselineNanos;
    public long currentNanos;
    int turn;

    @Setup(Level.Iteration)
    public void reset() {
      baselineNanos = 0;
      currentNanos = 0;
    }
  }

  @Benchmark
  public void paired(Engines engines, HalfNanos nanos, Blackhole bh) throws Throwable {
    if ((nanos.turn++ & 1) == 0) {
      nanos.baselineNanos += timeBaseline(engines, bh);
      nanos.currentNanos += timeCurrent(engines, bh);
    } else {
      nanos.currentNanos += timeCurrent(engines, bh);
      nanos.baselineNanos += timeBaseline(engines, bh);
    }
  }

  private static long timeBaseline(Engines engines, Blackhole bh) throws Throwable {
    MethodHandle redact = engines.baseline;
    long start = System.nanoTime();
    for (String item : engines.items) {
      bh.consume((String) redact.invokeExact(item));
    }
    return System.nanoTime() - start;
  }

  private static long timeCurrent(Engines engines, Blackhole bh) {
    Redactor redactor = engines.current;
    long start = System.nanoTime();
    for (String item : engines.items) {
      bh.consume(redactor.redact(item));
    }
    return System.nanoTime() - start;
  }

  /** The clean corpus named by the {@code corpus} parameter, as {@link RedactionThroughputBenchmark} has it. */
  static RedactionCorpus corpus(String name) {
    return switch (name) {
      case "lines" -> RedactionCorpus.logLines(4000, 0, 42);
      case "messages" -> RedactionCorpus.messages(4000, 42);
      case "json" -> RedactionCorpus.jsonEvents(1000, 0, 42);
      default -> throw new IllegalArgumentException("corpus=" + name + ": expected lines, messages or json");
    };
  }

  static Path baselineJar() {
    String value = System.getProperty(BASELINE_JAR);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("-D" + BASELINE_JAR + " is not set: name the older telemetry-redaction jar"
          + " (benchmarks/run-redaction-versions.sh builds it)");
    }
    Path jar = Path.of(value);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("-D" + BASELINE_JAR + "=" + value + ": no such file");
    }
    return jar;
  }

  /**
   * {@code Redactor.defaults()::redact} of the jar's own classes, as a handle of type
   * {@code (String)String}.
   */
  static MethodHandle baselineRedact(Path jar) throws ReflectiveOperationException, IOException {
    ClassLoader loader = new OwnPackageFirst(jar.toUri().toURL(), RedactionVersionsBenchmark.class.getClassLoader());
    Class<?> redactorClass = Class.forName(Redactor.class.getName(), true, loader);
    if (redactorClass == Redactor.class) {
      throw new IllegalStateException(jar + " did not provide its own " + Redactor.class.getName());
    }
    Object redactor = redactorClass.getMethod("defaults").invoke(null);
    return MethodHandles.publicLookup()
        .findVirtual(redactorClass, "redact", MethodType.methodType(String.class, String.class))
        .bindTo(redactor);
  }

  /**
   * Loads {@code dev.runtrail.redaction} from its own jar first, everything else (the JDK, jackson-core)
   * from the parent.
   */
  static final class OwnPackageFirst extends URLClassLoader {
    private static final String PACKAGE = "dev.runtrail.redaction.";

    OwnPackageFirst(URL jar, ClassLoader parent) {
      super(new URL[] {jar}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    @Override
    public URL getResource(String name) {
      if (name.startsWith(PACKAGE.replace('.', '/'))) {
        URL own = findResource(name);
        if (own != null) {
          return own;
        }
      }
      return super.getResource(name);
    }
  }
}
