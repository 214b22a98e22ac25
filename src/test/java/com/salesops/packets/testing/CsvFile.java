package com.salesops.packets.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV file read back for assertions (RFC 4180 quoting), rows as header → value maps. */
public record CsvFile(List<String> header, List<Map<String, String>> rows) {

    public static CsvFile read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < r.size() ? r.get(i) : null);
            }
            rows.add(row);
        }
        return new CsvFile(header, rows);
    }

    /** The one row whose columns have the given values, e.g. row("window", "MONTH", "node_id", "R1"). */
    public Map<String, String> row(String... columnValuePairs) {
        List<Map<String, String>> found = rows.stream().filter(r -> {
            for (int i = 0; i < columnValuePairs.length; i += 2) {
                if (!columnValuePairs[i + 1].equals(r.get(columnValuePairs[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one row with " + String.join(",", columnValuePairs) + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Every record of a CSV text, as fields (for a file whose first line is not a header). */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
