package com.salesops.packets.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.NodeResultBuilder;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.credit.StoredLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/numbers.md §10 worked by hand. Teams root &gt; east &gt; e1; reps A and B in e1, overlay O in east.
 * Previous run P as of Dp = 2026-11-25, this run R as of D = 2026-11-26, both reading from
 * 2026-01-01: C = [2026-01-01, 2026-11-25]. October is closed at Dp, November is not.
 */
class ChangesCalculatorTest {

    private static final LocalDate DP = LocalDate.parse("2026-11-25");
    private static final Optional<Period> C = Optional.of(new Period(LocalDate.parse("2026-01-01"), DP));
    private static final Map<String, String> PARENTS = Map.of("e1", "east", "east", "root");

    @Test
    void splitChangeCancellationsBackdatingAndNewDealsGiveTheHandWorkedFigures() {
        // given
        List<StoredLine> previous = sorted(
                line("B1", "A", "e1", "2026-10-10", "1000.00", false),   // 50/50 split
                line("B1", "B", "e1", "2026-10-10", "1000.00", false),
                line("B2", "A", "e1", "2026-11-20", "500.00", false),
                line("B3", "B", "e1", "2026-09-05", "2000.00", false),
                line("B6", "A", "e1", "2026-08-01", "400.00", false));
        List<StoredLine> current = sorted(
                line("B1", "A", "e1", "2026-10-10", "1200.00", false),   // split now 60/40
                line("B1", "B", "e1", "2026-10-10", "800.00", false),
                line("B2", "A", "e1", "2026-11-20", "500.00", false),
                line("B2", "A", "e1", "2026-11-26", "-500.00", true),    // cancelled after Dp
                line("B3", "B", "e1", "2026-09-05", "2000.00", false),   // unchanged
                line("B4", "B", "e1", "2026-10-31", "700.00", false),    // entered late, backdated into October
                line("B5", "A", "e1", "2026-11-26", "300.00", false),    // new
                overlay("B5", "O", "east", "2026-11-26", "300.00"),
                line("B6", "A", "e1", "2026-08-01", "400.00", false),
                line("B6", "A", "e1", "2026-11-10", "-400.00", true));   // cancelled before Dp, entered after it
        List<ChangedLine> changed = new ArrayList<>();
        ChangesCalculator calculator = new ChangesCalculator(DP, C, PARENTS, changed::add);

        // when
        calculator.accept(current.iterator(), previous.iterator());
        List<NodeChange> rows = calculator.finish(yearRows("root", "east", "e1", "A", "B", "O", "Z"), List.of());

        // then
        // A: new = −500 (B2 reversal) + 300 (B5) = −200.00; new deals {B5}; cancelled {B2};
        //    restated = (1,200 + 500 + 400 − 400) − (1,000 + 500 + 400) = 1,700 − 1,900 = −200.00; restated {B1, B6}
        // B: restated = (800 + 2,000 + 700) − (1,000 + 2,000) = 500.00; restated {B1, B4}
        // O: new = 300.00 (overlay: counts for O, not for any team); new deals {B5}
        // e1 (PRIMARY lines of e1): new = −500 + 300 = −200.00, new {B5}, cancelled {B2};
        //    restated = (1,200 + 800 + 500 + 2,000 + 700 + 400 − 400) − (1,000 + 1,000 + 500 + 2,000 + 400)
        //             = 5,200 − 4,900 = 300.00; restated {B1 (two reps, once), B4, B6}; east and root the same
        assertThat(rows).extracting(ChangesCalculatorTest::csv).containsExactly(
                "TEAM e1 -200.00 300.00 1 1 3",
                "TEAM east -200.00 300.00 1 1 3",
                "TEAM root -200.00 300.00 1 1 3",
                "REP A -200.00 -200.00 1 1 2",
                "REP B 0.00 500.00 0 0 2",
                "REP O 300.00 0.00 1 0 0",
                "REP Z 0.00 0.00 0 0 0");
        // the deal lines behind them; B1 and B4 are dated in October (closed at Dp): highlighted; B6's
        // reversal is dated in November (still open at Dp): not
        assertThat(changed).extracting(ChangesCalculatorTest::describe).containsExactlyInAnyOrder(
                "NEW B5 A e1 2026-11-26 - 300.00 false",
                "NEW B5 O east 2026-11-26 - 300.00 false",
                "CANCELLED B2 A e1 2026-11-26 - -500.00 false",
                "RESTATED B1 A e1 2026-10-10 1000.00 1200.00 true",
                "RESTATED B1 B e1 2026-10-10 1000.00 800.00 true",
                "RESTATED B4 B e1 2026-10-31 - 700.00 true",
                "RESTATED B6 A e1 2026-11-10 400.00 0.00 false");
    }

    @Test
    void aLineMovedToAnotherTeamIsRestatedForBothTeamsButNotForTheirCommonParent() {
        // given: membership corrected after Dp: B7's line now belongs to e2 instead of e1
        Map<String, String> parents = Map.of("e1", "east", "e2", "east", "east", "root");
        List<StoredLine> previous = sorted(line("B7", "A", "e1", "2026-10-10", "900.00", false));
        List<StoredLine> current = sorted(line("B7", "A", "e2", "2026-10-10", "900.00", false));
        ChangesCalculator calculator = new ChangesCalculator(DP, C, parents, line -> { });

        // when
        calculator.accept(current.iterator(), previous.iterator());
        List<NodeChange> rows = calculator.finish(yearRows("east", "e1", "e2", "A"), List.of());

        // then: e1 lost 900.00, e2 gained it; east holds the same line both times; A's line is unchanged
        assertThat(rows).extracting(ChangesCalculatorTest::csv).containsExactly(
                "TEAM e1 0.00 -900.00 0 0 1",
                "TEAM e2 0.00 900.00 0 0 1",
                "TEAM east 0.00 0.00 0 0 0",
                "REP A 0.00 0.00 0 0 0");
    }

    @Test
    void attainmentChangeIsTakenOnPrintedValuesOnlyWhenBothAreDefinedForTheSamePeriod() {
        // given
        Period nov = period("2026-11-01", "2026-11-30");
        Period q4 = period("2026-10-01", "2026-12-31");
        Period year = period("2026-01-01", "2026-12-31");
        List<NodeResult> current = List.of(
                result(Window.MONTH, nov, "A", Optional.of(new BigDecimal("12.345"))),  // prints 12.35
                result(Window.QUARTER, q4, "A", Optional.of(new BigDecimal("40.00"))),
                result(Window.YEAR, year, "A", Optional.of(new BigDecimal("80.004"))));  // prints 80.00
        List<NodeResult> previous = List.of(
                result(Window.MONTH, nov, "A", Optional.of(new BigDecimal("10.00"))),
                result(Window.QUARTER, q4, "A", Optional.empty()),                      // no quota then
                result(Window.YEAR, period("2025-01-01", "2025-12-31"), "A", Optional.of(new BigDecimal("99.00"))));
        ChangesCalculator calculator = new ChangesCalculator(DP, C, Map.of(), line -> { });

        // when
        List<NodeChange> rows = calculator.finish(current, previous);

        // then: MONTH 12.35 − 10.00 = 2.35; QUARTER undefined (P had none); YEAR undefined (another year)
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).attainmentChange(Window.MONTH)).contains(new BigDecimal("2.35"));
        assertThat(rows.get(0).attainmentChange(Window.QUARTER)).isEmpty();
        assertThat(rows.get(0).attainmentChange(Window.YEAR)).isEmpty();
    }

    @Test
    void withoutACommonSpanNothingIsRestatedAndEveryLineOfTheRunIsNew() {
        // given: the previous run is from long ago (this run starts reading after its as-of)
        ChangesCalculator calculator = new ChangesCalculator(LocalDate.parse("2025-06-30"), Optional.empty(),
                Map.of(), line -> { });
        List<StoredLine> current = sorted(line("B1", "A", "e1", "2026-02-01", "100.00", false),
                line("B2", "A", "e1", "2026-03-01", "250.50", false));

        // when
        calculator.accept(current.iterator(), List.<StoredLine>of().iterator());
        List<NodeChange> rows = calculator.finish(yearRows("A"), List.of());

        // then: 100.00 + 250.50 = 350.50 on 2 new deals
        assertThat(rows).extracting(ChangesCalculatorTest::csv).containsExactly("REP A 350.50 0.00 2 0 0");
    }

    @Test
    void theLastClosedDayIsTheAsOfAtMonthEndElseTheEndOfThePreviousMonth() {
        assertThat(ChangesCalculator.lastClosedDay(LocalDate.parse("2026-10-31"))).isEqualTo("2026-10-31");
        assertThat(ChangesCalculator.lastClosedDay(LocalDate.parse("2026-11-25"))).isEqualTo("2026-10-31");
        assertThat(ChangesCalculator.lastClosedDay(LocalDate.parse("2026-03-01"))).isEqualTo("2026-02-28");
    }

    private static String csv(NodeChange c) {
        ChangeFigures f = c.figures();
        return c.level() + " " + c.nodeId() + " " + f.newCredit() + " " + f.restatedCredit() + " " + f.newDeals() + " "
                + f.cancelledDeals() + " " + f.restatedDeals();
    }

    private static String describe(ChangedLine l) {
        return l.kind() + " " + l.deal().bookingId() + " " + l.deal().employeeId() + " " + l.deal().teamId() + " "
                + l.lineDate() + " " + l.before().map(BigDecimal::toPlainString).orElse("-") + " "
                + l.after().map(BigDecimal::toPlainString).orElse("-") + " " + l.inClosedPeriod();
    }

    private static List<StoredLine> sorted(StoredLine... lines) {
        List<StoredLine> list = new ArrayList<>(List.of(lines));
        list.sort(Comparator.comparing(StoredLine::line, StoredLine.ORDER));
        return list;
    }

    private static StoredLine line(String booking, String employee, String team, String date, String amount,
                                   boolean reversal) {
        return stored(booking, employee, team, CreditRole.PRIMARY, date, amount, reversal);
    }

    private static StoredLine overlay(String booking, String employee, String team, String date, String amount) {
        return stored(booking, employee, team, CreditRole.OVERLAY, date, amount, false);
    }

    private static StoredLine stored(String booking, String employee, String team, CreditRole role, String date,
                                     String amount, boolean reversal) {
        LocalDate d = LocalDate.parse(date);
        return new StoredLine(new CreditLine(booking, employee, team, role, new BigDecimal("100.00"), d,
                new BigDecimal(amount), reversal, d, reversal ? d : null), "Account " + booking);
    }

    /** YEAR rows: ids in lower case are teams, the others reps. */
    private static List<NodeResult> yearRows(String... ids) {
        List<NodeResult> rows = new ArrayList<>();
        for (String id : ids) {
            boolean team = Character.isLowerCase(id.charAt(0));
            rows.add(node(Window.YEAR, period("2026-01-01", "2026-12-31"), team ? Level.TEAM : Level.REP, id,
                    Optional.empty()));
        }
        return rows;
    }

    private static NodeResult result(Window w, Period p, String rep, Optional<BigDecimal> attainment) {
        return node(w, p, Level.REP, rep, attainment);
    }

    private static NodeResult node(Window w, Period p, Level level, String id, Optional<BigDecimal> attainment) {
        return NodeResultBuilder.node(level, w, p, id).credited(BigDecimal.ZERO.setScale(2)).attainmentPct(attainment)
                .expectedPct(BigDecimal.TEN).build();
    }

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }
}
