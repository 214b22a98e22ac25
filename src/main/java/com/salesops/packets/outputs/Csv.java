package com.salesops.packets.outputs;

import com.salesops.packets.support.AtomicFiles;
import com.salesops.packets.support.Decimals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CSV dialect of the result files ({@code docs/architecture.md}, "Outputs"): UTF-8 without BOM,
 * {@code \n} line ends, RFC 4180 quoting only where needed, plain numbers with exactly 2 decimals,
 * never {@code -0.00}, empty cells for undefined values. Files appear whole or not at all.
 */
final class Csv {

    /** Hands each row's cells to {@code out}. */
    @FunctionalInterface
    interface Rows {
        void writeTo(RowSink out) throws IOException;
    }

    @FunctionalInterface
    interface RowSink {
        void row(List<String> cells) throws IOException;
    }

    private Csv() {
    }

    static void write(Path target, String header, Rows rows) throws IOException {
        AtomicFiles.write(target, (AtomicFiles.Body) stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.write(header);
            out.write('\n');
            rows.writeTo(cells -> {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(quote(cells.get(i)));
                }
                out.write('\n');
            });
            out.flush();
        });
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** 2 decimals, HALF_UP, plain, never -0.00; empty when undefined. */
    static String decimal(BigDecimal value) {
        return value == null ? "" : Decimals.plain2(value);
    }

    static String decimal(Optional<BigDecimal> value) {
        return value.map(Decimals::plain2).orElse("");
    }

    static String integer(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }
}
