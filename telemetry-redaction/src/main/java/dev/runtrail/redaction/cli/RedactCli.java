package dev.runtrail.redaction.cli;

import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.Redactor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code runtrail-redact}: a filter that redacts what is piped through it.
 *
 * <pre>
 * kubectl logs deploy/api | java -jar telemetry-redaction/target/runtrail-redact.jar --mode strict
 * java -jar telemetry-redaction/target/runtrail-redact.jar --json &lt; event.json
 * </pre>
 *
 * Exit codes: 0 done, 1 I/O error, 2 bad arguments (or a bad {@code RUNTRAIL_PRIVACY}).
 */
public final class RedactCli {
  static final String USAGE = String.join("\n",
      "Usage: java -jar runtrail-redact.jar [--json] [--mode strict|balanced|minimal] [--format mask|length]",
      "",
      "Reads stdin, writes it redacted to stdout (UTF-8).",
      "  (default)        line mode: exactly one output line per input line, streamed",
      "  --json           stdin holds JSON (one document, or several separated by whitespace):",
      "                   keys, nesting and formatting are kept; invalid JSON is redacted as text",
      "  --mode MODE      privacy mode; default: $RUNTRAIL_PRIVACY, else balanced",
      "                     minimal  secrets only",
      "                     balanced secrets, e-mail addresses, home paths (~)",
      "                     strict   balanced + user name, IP addresses, personal-data keys",
      "  --format FORMAT  mask: [REDACTED] (default); length: <redacted:32chars>",
      "  -h, --help       this text",
      "",
      "Exit codes: 0 ok, 1 I/O error, 2 bad arguments.",
      "");

  private RedactCli() {}

  public static void main(String[] args) {
    int code = run(args, System.in, System.out, System.err, System.getenv());
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs with the process's stdin, stdout, stderr and environment; returns the exit code. */
  public static int run(String... args) {
    return run(args, System.in, System.out, System.err, System.getenv());
  }

  /** Runs against the given streams and environment; returns the exit code. */
  public static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Map<String, String> env) {
    CliOptions options;
    try {
      options = CliOptions.parse(args, env);
    } catch (CliOptions.UsageException e) {
      err.println("runtrail-redact: " + e.getMessage());
      err.println("Try --help.");
      return 2;
    }
    try {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      if (options.help()) {
        writer.write(USAGE);
        writer.flush();
        return 0;
      }
      Redactor redactor = Redactor.of(RedactionPolicy.builder().mode(options.mode()).format(options.format()).build());
      Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      if (options.json()) {
        redactor.redactJson(reader, writer);
      } else {
        new LineFilter(redactor).run(reader, writer);
      }
      writer.flush();
      return 0;
    } catch (IOException e) {
      err.println("runtrail-redact: " + e.getMessage());
      return 1;
    }
  }
}
