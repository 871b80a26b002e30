package dev.runtrail.runs.internal.cli;

/** CSV cells as RFC 4180 wants them. */
public final class CsvCells {

  private CsvCells() {}

  /** A cell with a comma, quote, CR or LF is quoted, its quotes doubled; null is empty. */
  public static String of(Object value) {
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
