package com.salesops.packets.testing;

import com.salesops.packets.source.Booking;
import com.salesops.packets.source.BookingCredit;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.FxRate;
import com.salesops.packets.source.FxTable;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.MembershipRole;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.RepQuota;
import com.salesops.packets.source.Team;
import com.salesops.packets.source.TeamQuota;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small orgs and bookings for the maths tests, written the way the data reads. */
public final class OrgBuilder {

    private final List<Employee> employees = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final List<RepQuota> repQuotas = new ArrayList<>();
    private final List<TeamQuota> teamQuotas = new ArrayList<>();
    private final List<FxRate> rates = new ArrayList<>();

    public static OrgBuilder org() {
        return new OrgBuilder();
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    public OrgBuilder employee(String id, String name, String hired) {
        return employee(id, name, hired, null);
    }

    public OrgBuilder employee(String id, String name, String hired, String lastDay) {
        employees.add(new Employee(id, name, id.toLowerCase() + "@example.com", d(hired),
                lastDay == null ? null : d(lastDay)));
        return this;
    }

    public OrgBuilder team(String id, String name, String parent) {
        teams.add(new Team(id, name, parent, null));
        return this;
    }

    public OrgBuilder rep(String employee, String team, String from, String toExclusive) {
        return member(employee, team, MembershipRole.REP, from, toExclusive);
    }

    public OrgBuilder overlay(String employee, String team, String from, String toExclusive) {
        return member(employee, team, MembershipRole.OVERLAY, from, toExclusive);
    }

    public OrgBuilder member(String employee, String team, MembershipRole role, String from, String toExclusive) {
        memberships.add(new Membership(employee, team, role, d(from), toExclusive == null ? null : d(toExclusive)));
        return this;
    }

    public OrgBuilder repQuota(String employee, String month, String amount, String currency) {
        repQuotas.add(new RepQuota(employee, YearMonth.parse(month).atDay(1), m(amount), currency));
        return this;
    }

    /** The same quota row for each month of {@code from}..{@code to} (inclusive). */
    public OrgBuilder repQuotaEachMonth(String employee, String from, String to, String amount, String currency) {
        for (YearMonth ym = YearMonth.parse(from); !ym.isAfter(YearMonth.parse(to)); ym = ym.plusMonths(1)) {
            repQuota(employee, ym.toString(), amount, currency);
        }
        return this;
    }

    public OrgBuilder teamQuota(String team, String month, String amount, String currency) {
        teamQuotas.add(new TeamQuota(team, YearMonth.parse(month).atDay(1), m(amount), currency));
        return this;
    }

    public OrgBuilder fx(String currency, String month, String rate) {
        rates.add(new FxRate(currency, YearMonth.parse(month).atDay(1), m(rate)));
        return this;
    }

    public Org build() {
        return new Org(employees, teams, memberships, repQuotas, teamQuotas, new FxTable("USD", rates));
    }

    public static Booking booked(String id, String date, String amount, String currency, BookingCredit... credits) {
        return new Booking(id, d(date), "Acme " + id, amount == null ? null : m(amount), currency, "NEW", "DIRECT",
                null, "BOOKED", null, Arrays.asList(credits));
    }

    public static Booking cancelled(String id, String date, String amount, String currency, String cancelledOn,
                                    BookingCredit... credits) {
        return new Booking(id, d(date), "Acme " + id, m(amount), currency, "NEW", "DIRECT", null, "CANCELLED",
                cancelledOn == null ? null : d(cancelledOn), Arrays.asList(credits));
    }

    public static Booking withStatus(Booking b, String status, String cancelledOn) {
        return new Booking(b.id(), b.bookingDate(), b.accountName(), b.amount(), b.currency(), b.bookingType(),
                b.channel(), b.partnerName(), status, cancelledOn == null ? null : d(cancelledOn), b.credits());
    }

    public static BookingCredit primary(String employee, String split) {
        return new BookingCredit(employee, "PRIMARY", split == null ? null : m(split));
    }

    public static BookingCredit overlayCredit(String employee, String split) {
        return new BookingCredit(employee, "OVERLAY", split == null ? null : m(split));
    }

    public static BookingCredit credit(String employee, String role, String split) {
        return new BookingCredit(employee, role, split == null ? null : m(split));
    }
}
