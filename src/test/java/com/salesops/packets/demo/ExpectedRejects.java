package com.salesops.packets.demo;

import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.credit.RejectReason;
import com.salesops.packets.source.FxTable;
import com.salesops.packets.source.MembershipRole;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A deliberately plain reading of docs/numbers.md §9 over the generated rows, so the tests can check that
 * each dirty booking fails exactly the check it is named for and that every other booking passes.
 */
final class ExpectedRejects {

    private record Span(LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || day.isBefore(to));
        }
    }

    private record Credit(String employeeId, String role, BigDecimal split) {
    }

    record Row(String id, LocalDate date, BigDecimal amount, String currency, String status, LocalDate cancelled) {
    }

    private final Set<String> employees = new HashSet<>();
    private final Map<String, List<Span>> memberships = new HashMap<>();
    private final Map<String, NavigableSet<YearMonth>> fxMonths = new HashMap<>();
    private final Map<String, List<Credit>> credits = new HashMap<>();
    private final List<Row> bookings = new ArrayList<>();

    ExpectedRejects(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT employee_id FROM employee")) {
                while (rs.next()) {
                    employees.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT employee_id, role, valid_from, valid_to FROM team_membership")) {
                while (rs.next()) {
                    if (MembershipRole.parse(rs.getString(2)).isPresent()) {
                        memberships.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                                new Span(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT currency, `month` FROM fx_rate")) {
                while (rs.next()) {
                    fxMonths.computeIfAbsent(FxTable.normalize(rs.getString(1)), k -> new TreeSet<>())
                            .add(YearMonth.from(rs.getObject(2, LocalDate.class)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT booking_id, employee_id, credit_role, split_percent FROM booking_credit")) {
                while (rs.next()) {
                    credits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Credit(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT booking_id, booking_date, amount, currency, status, cancelled_date"
                    + " FROM booking ORDER BY booking_id")) {
                while (rs.next()) {
                    bookings.add(new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)));
                }
            }
        }
    }

    List<Row> bookings() {
        return bookings;
    }

    /** The reason docs/numbers.md §9 gives for {@code b}, or empty when it can be credited; base currency USD. */
    Optional<RejectReason> reasonFor(Row b) {
        List<Credit> cs = credits.getOrDefault(b.id(), List.of());
        if (cs.stream().anyMatch(c -> !employees.contains(c.employeeId()))) {
            return Optional.of(RejectReason.UNKNOWN_EMPLOYEE);
        }
        if (cs.stream().anyMatch(c -> covering(c.employeeId(), b.date()) == 0)) {
            return Optional.of(RejectReason.NO_TEAM_ON_DATE);
        }
        if (cs.stream().anyMatch(c -> covering(c.employeeId(), b.date()) > 1)) {
            return Optional.of(RejectReason.AMBIGUOUS_TEAM);
        }
        String currency = FxTable.normalize(b.currency());
        if (!currency.equals("USD")) {
            NavigableSet<YearMonth> months = fxMonths.get(currency);
            if (months == null || months.floor(YearMonth.from(b.date())) == null) {
                return Optional.of(RejectReason.MISSING_FX_RATE);
            }
        }
        if (cs.isEmpty()) {
            return Optional.of(RejectReason.NO_CREDIT);
        }
        BigDecimal primary = cs.stream()
                .filter(c -> CreditRole.parse(c.role()).equals(Optional.of(CreditRole.PRIMARY)))
                .map(Credit::split).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (primary.subtract(new BigDecimal("100")).abs().compareTo(new BigDecimal("0.01")) > 0) {
            return Optional.of(RejectReason.SPLIT_SUM);
        }
        Set<String> seen = new HashSet<>();
        for (Credit c : cs) {
            if (c.split().signum() <= 0 || c.split().compareTo(new BigDecimal("100")) > 0 || !seen.add(c.employeeId())) {
                return Optional.of(RejectReason.INVALID_SPLIT);
            }
        }
        if (b.amount().signum() <= 0) {
            return Optional.of(RejectReason.INVALID_AMOUNT);
        }
        String status = b.status().strip().toUpperCase(Locale.ROOT);
        if (status.equals("CANCELLED") && b.cancelled() == null) {
            return Optional.of(RejectReason.CANCELLED_WITHOUT_DATE);
        }
        if (status.equals("CANCELLED") && b.cancelled().isBefore(b.date())) {
            return Optional.of(RejectReason.CANCELLED_BEFORE_BOOKED);
        }
        boolean badRole = cs.stream().anyMatch(c -> CreditRole.parse(c.role()).isEmpty());
        if (!(status.equals("BOOKED") || status.equals("CANCELLED")) || badRole
                || (status.equals("BOOKED") && b.cancelled() != null)) {
            return Optional.of(RejectReason.INVALID_STATUS);
        }
        return Optional.empty();
    }

    /** Reasons of all bookings by id, rejected ones only. */
    Map<String, RejectReason> rejected() {
        Map<String, RejectReason> out = new TreeMap<>();
        for (Row b : bookings) {
            reasonFor(b).ifPresent(r -> out.put(b.id(), r));
        }
        return out;
    }

    private int covering(String employeeId, LocalDate day) {
        int n = 0;
        for (Span span : memberships.getOrDefault(employeeId, List.of())) {
            if (span.covers(day)) {
                n++;
            }
        }
        return n;
    }
}
