package com.salesops.packets.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CSV dialect of DESIGN §5: UTF-8 without BOM, {@code \n} line ends, RFC 4180 quoting only
 * where needed, plain numbers with exactly 2 decimals, never {@code -0.00}, empty cells for
 * undefined values. Files appear whole or not at all (written to a temp file, then moved).
 */
final class Csv implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final BufferedWriter out;

    Csv(Path target, String header) throws IOException {
        this.target = target;
        Files.createDirectories(target.getParent());
        this.temp = target.resolveSibling(target.getFileName() + ".part");
        this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        out.write(header);
        out.write('\n');
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    /** 2 decimals, HALF_UP, plain, never -0.00. */
    static String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        return rounded.toPlainString();
    }

    static String decimal(Optional<BigDecimal> value) {
        return value.map(Csv::decimal).orElse("");
    }

    static String integer(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }
}
