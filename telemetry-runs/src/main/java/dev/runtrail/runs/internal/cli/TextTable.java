package dev.runtrail.runs.internal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header row, columns padded to their widest cell, long cells cut with an ellipsis. */
final class TextTable {

  private final String[] headers;
  private final int[] maxWidths;
  private final List<String[]> rows = new ArrayList<>();

  /** @param headers column titles; a title ending in {@code >} is right-aligned (the marker is not shown) */
  TextTable(String... headers) {
    this.headers = headers.clone();
    this.maxWidths = new int[headers.length];
    Arrays.fill(maxWidths, 60);
  }

  /** Cells longer than this are cut (default 60). */
  TextTable maxWidth(int column, int width) {
    maxWidths[column] = width;
    return this;
  }

  TextTable row(Object... cells) {
    String[] row = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      row[i] = cut(cell == null ? "-" : oneLine(String.valueOf(cell)), maxWidths[i]);
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = title(i).length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    line(out, widths, i -> title(i));
    for (String[] row : rows) {
      line(out, widths, i -> row[i]);
    }
    out.flush();
  }

  private void line(PrintWriter out, int[] widths, java.util.function.IntFunction<String> cell) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < headers.length; i++) {
      String text = cell.apply(i);
      boolean last = i == headers.length - 1;
      String padding = " ".repeat(widths[i] - text.length());
      if (headers[i].endsWith(">")) {
        line.append(padding).append(text);
      } else {
        line.append(text).append(last ? "" : padding);
      }
      if (!last) {
        line.append("  ");
      }
    }
    out.println(line.toString().stripTrailing());
  }

  private String title(int column) {
    String header = headers[column];
    return header.endsWith(">") ? header.substring(0, header.length() - 1) : header;
  }

  static String oneLine(String text) {
    return text.replace("\r", "").replace('\n', ' ').replace('\t', ' ');
  }

  static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "\u2026";
  }
}
