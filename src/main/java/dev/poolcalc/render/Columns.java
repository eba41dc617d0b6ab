package dev.poolcalc.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table, two spaces between columns: numbers right-aligned, the first column and any
 * column marked {@link #left} left-aligned.
 */
final class Columns {

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> rulesBefore = new ArrayList<>();
  private final List<Integer> leftAligned = new ArrayList<>(List.of(0));

  Columns(String... header) {
    this.header = header.clone();
  }

  Columns row(String... cells) {
    rows.add(cells.clone());
    return this;
  }

  /** Aligns this column's text to the left, like the first. */
  Columns left(int column) {
    leftAligned.add(column);
    return this;
  }

  /** A horizontal rule before the next row added. */
  Columns rule() {
    rulesBefore.add(rows.size());
    return this;
  }

  String render(Style style) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(style.bold(line(header, widths))).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      if (rulesBefore.contains(r)) {
        int length = 0;
        for (int w : widths) {
          length += w + 2;
        }
        out.append("─".repeat(length - 2)).append('\n');
      }
      out.append(line(rows.get(r), widths)).append('\n');
    }
    return out.toString();
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append("  ");
      }
      String align = leftAligned.contains(i) ? "%-" : "%";
      out.append(String.format(align + widths[i] + "s", cells[i]));
    }
    return out.toString().stripTrailing();
  }
}
