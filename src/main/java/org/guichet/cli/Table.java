package org.guichet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A plain-text table: one line a row, columns padded, long cells cut. */
final class Table {
    private static final int WIDEST = 48;

    private Table() {
    }

    static void print(PrintWriter out, List<String> columns, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            out.println("No tickets.");
            return;
        }
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            cells.add(columns.stream().map(c -> cut(cell(row.get(c)))).toList());
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (List<String> line : cells) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        out.println(line(columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(), widths));
        cells.forEach(line -> out.println(line(line, widths)));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> person && person.containsKey("address")) {
            // a person in a table or CSV cell: the address, as before people became objects in JSON
            return String.valueOf(person.get("address"));
        }
        if (value instanceof Collection<?> list) {
            return String.join(" ", list.stream().map(Table::cell).toList());
        }
        return String.valueOf(value);
    }

    private static String cut(String value) {
        String flat = Terminal.line(value);
        return flat.length() <= WIDEST ? flat : flat.substring(0, WIDEST - 1) + "…";
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : "  ");
            b.append(i == values.size() - 1 ? values.get(i) : String.format("%-" + widths[i] + "s", values.get(i)));
        }
        return b.toString().stripTrailing();
    }
}
