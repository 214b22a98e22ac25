package com.salesops.packets.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers for asserting on generated rows. */
final class Rows {

    private final DataSource ds;

    Rows(DataSource ds) {
        this.ds = ds;
    }

    long count(String sql) {
        List<String> values = strings(sql);
        return Long.parseLong(values.get(0));
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql) {
        List<String> out = new ArrayList<>();
        for (List<String> row : rows(sql)) {
            out.add(row.get(0));
        }
        return out;
    }

    /** Every row as its columns' text ({@code null} kept). */
    List<List<String>> rows(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over every row of {@code table}, ordered by all its columns. */
    String checksum(String table, int columns) {
        StringBuilder orderBy = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            orderBy.append(i == 1 ? "" : ", ").append(i);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (List<String> row : rows("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
                digest.update(String.join("|", row.stream().map(String::valueOf).toList()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
