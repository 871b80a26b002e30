package dev.runtrail.benchmarks.redaction;

import dev.runtrail.redaction.Redactor;
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
 * Redaction throughput: ours (one pass, anchor prefilter) against the naive baseline (every rule's regex in
 * turn), on the same inputs, default BALANCED policy. Each operation redacts a whole corpus; the
 * {@code bytes} counter turns operations into bytes per second (see {@link ThroughputReport}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class RedactionThroughputBenchmark {

  /** Log lines: clean, 1% and 10% carrying a secret. */
  @State(Scope.Benchmark)
  public static class Lines {
    @Param({"0", "1", "10"})
    public int dirtyPercent;

    List<String> lines;
    long bytes;

    @Setup
    public void build() {
      RedactionCorpus corpus = RedactionCorpus.logLines(4000, dirtyPercent, 42);
      lines = corpus.items();
      bytes = corpus.bytes();
    }
  }

  /** Plain log messages (no timestamps, ids or key=value pairs): the prefilter's best case. */
  @State(Scope.Benchmark)
  public static class Messages {
    List<String> lines;
    long bytes;

    @Setup
    public void build() {
      RedactionCorpus corpus = RedactionCorpus.messages(4000, 42);
      lines = corpus.items();
      bytes = corpus.bytes();
    }
  }

  /** JSON trail events: clean and 10% carrying secrets. */
  @State(Scope.Benchmark)
  public static class Events {
    @Param({"0", "10"})
    public int dirtyPercent;

    List<String> docs;
    long bytes;

    @Setup
    public void build() {
      RedactionCorpus corpus = RedactionCorpus.jsonEvents(1000, dirtyPercent, 42);
      docs = corpus.items();
      bytes = corpus.bytes();
    }
  }

  /** Bytes processed, reported by JMH as a rate next to the operation rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Processed {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  private final Redactor redactor = Redactor.defaults();
  private final NaiveRegexRedactor naive = new NaiveRegexRedactor();

  @Benchmark
  public void oursText(Lines in, Processed processed, Blackhole bh) {
    for (String line : in.lines) {
      bh.consume(redactor.redact(line));
    }
    processed.bytes += in.bytes;
  }

  @Benchmark
  public void naiveText(Lines in, Processed processed, Blackhole bh) {
    for (String line : in.lines) {
      bh.consume(naive.redact(line));
    }
    processed.bytes += in.bytes;
  }

  @Benchmark
  public void oursMessages(Messages in, Processed processed, Blackhole bh) {
    for (String line : in.lines) {
      bh.consume(redactor.redact(line));
    }
    processed.bytes += in.bytes;
  }

  @Benchmark
  public void naiveMessages(Messages in, Processed processed, Blackhole bh) {
    for (String line : in.lines) {
      bh.consume(naive.redact(line));
    }
    processed.bytes += in.bytes;
  }

  @Benchmark
  public void oursJson(Events in, Processed processed, Blackhole bh) {
    for (String doc : in.docs) {
      bh.consume(redactor.redactJson(doc));
    }
    processed.bytes += in.bytes;
  }

  @Benchmark
  public void oursJsonAsText(Events in, Processed processed, Blackhole bh) {
    for (String doc : in.docs) {
      bh.consume(redactor.redact(doc));
    }
    processed.bytes += in.bytes;
  }

  @Benchmark
  public void naiveJson(Events in, Processed processed, Blackhole bh) {
    for (String doc : in.docs) {
      bh.consume(naive.redact(doc));
    }
    processed.bytes += in.bytes;
  }
}
