package com.salesops.packets.source;

import com.salesops.packets.calendar.RunPlan;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the organisation (employees, teams, memberships, quotas, rates) the run needs. */
public final class SourceReader {

    private final SourceDatabase source;
    private final JdbcTemplate jdbc;

    public SourceReader(SourceDatabase source) {
        this.source = source;
        this.jdbc = new JdbcTemplate(source.dataSource());
    }

    /** The date of the source's earliest booking ({@code earliest-booking.sql}); empty when it has none. */
    public Optional<LocalDate> earliestBookingDate() {
        List<Date> first = jdbc.query(source.sql("earliest-booking"), (rs, i) -> rs.getDate(1));
        return first.isEmpty() || first.get(0) == null ? Optional.empty()
                : Optional.of(first.get(0).toLocalDate());
    }

    /** Loads and validates the org for a run; throws {@link DataProblemException} naming what is wrong. */
    public Org loadOrg(RunPlan plan, String baseCurrency) {
        LocalDate yearStart = plan.yearStart();
        LocalDate yearEnd = plan.fullPeriod(com.salesops.packets.calendar.Window.YEAR).end();
        List<Employee> employees = jdbc.query(source.sql("employees"), (rs, i) -> new Employee(
                rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4), date(rs, 5)));
        List<Team> teams = jdbc.query(source.sql("teams"), (rs, i) -> new Team(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        List<Membership> memberships = jdbc.query(source.sql("memberships"), (rs, i) -> membership(rs));
        List<RepQuota> repQuotas = jdbc.query(source.sql("rep-quotas"), (rs, i) -> new RepQuota(
                rs.getString(1), date(rs, 2), rs.getBigDecimal(3), rs.getString(4)),
                Date.valueOf(yearStart), Date.valueOf(yearEnd));
        List<TeamQuota> teamQuotas = jdbc.query(source.sql("team-quotas"), (rs, i) -> new TeamQuota(
                rs.getString(1), date(rs, 2), rs.getBigDecimal(3), rs.getString(4)),
                Date.valueOf(yearStart), Date.valueOf(yearEnd));
        LocalDate lastRateMonth = yearEnd.isAfter(plan.asOf()) ? yearEnd : plan.asOf();
        List<FxRate> rates = jdbc.query(source.sql("fx-rates"), (rs, i) -> new FxRate(
                rs.getString(1), date(rs, 2), rs.getBigDecimal(3)), Date.valueOf(lastRateMonth));
        Org org = new Org(employees, teams, memberships, repQuotas, teamQuotas, new FxTable(baseCurrency, rates));
        OrgValidator.validate(org);
        return org;
    }

    /**
     * The bookings the source holds for the run's read span [S, D] (the extract step's total and the
     * reconciliation's "read"). {@code bookings-count.sql} binds S and D twice, like {@code bookings.sql}.
     */
    public long countBookings(RunPlan plan) {
        Date s = Date.valueOf(plan.readStart());
        Date d = Date.valueOf(plan.asOf());
        Long n = jdbc.queryForObject(source.sql("bookings-count"), Long.class, s, d, s, d);
        return n == null ? 0 : n;
    }

    private static Membership membership(ResultSet rs) throws SQLException {
        String employeeId = rs.getString(1);
        String teamId = rs.getString(2);
        String rawRole = rs.getString(3);
        MembershipRole role = MembershipRole.parse(rawRole).orElseThrow(() -> new DataProblemException(
                "team_membership of employee " + employeeId + " in team " + teamId
                        + " has role '" + rawRole + "' (expected REP or OVERLAY)"));
        LocalDate from = date(rs, 4);
        if (from == null) {
            throw new DataProblemException("team_membership of employee " + employeeId + " in team " + teamId
                    + " has no valid_from");
        }
        return new Membership(employeeId, teamId, role, from, date(rs, 5));
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
