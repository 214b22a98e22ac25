package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_26;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.overlayLine;
import static com.salesops.packets.attainment.Fixture.reversal;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Trend's month figures (docs/numbers.md §11: §3 and §4 applied to one calendar month at a time),
 * worked out by hand. ROOT has WEST (E1 from January, E2 from October 15, E3 an overlay); nightly as of 2026-11-26.
 */
class TrendTest {

    private static AttainmentResults results() {
        var org = org().team("ROOT", "Company", null).team("WEST", "West", "ROOT")
                .employee("E1", "Ann", "2020-01-01").employee("E2", "Bob", "2026-10-15").employee("E3", "Cy", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null).rep("E2", "WEST", "2026-10-15", null)
                .overlay("E3", "WEST", "2020-01-01", null)
                .repQuotaEachMonth("E1", "2026-01", "2026-12", "10000", "USD")
                .repQuota("E2", "2026-10", "3100", "USD").repQuota("E2", "2026-11", "6000", "EUR")
                .repQuota("E3", "2026-11", "5000", "USD")
                .fx("EUR", "2026-01", "1.2000")
                .build();
        return run(NOV_26, org,
                line("B1", "E1", "WEST", "2026-03-10", "4000.00"),
                line("B2", "E1", "WEST", "2026-11-02", "2500.50"),
                line("B3", "E2", "WEST", "2026-10-20", "1234.56"),
                overlayLine("B3", "E3", "WEST", "2026-10-20", "1234.56"),
                line("B4", "E1", "WEST", "2026-10-05", "3000.00"),
                reversal("B4", "E1", "WEST", "2026-10-05", "2026-11-10", "-3000.00"),
                line("B5", "E1", "WEST", "2026-11-27", "999.00"));
    }

    private static MonthFigure figure(AttainmentResults r, Level level, String id, int month) {
        return r.months().stream()
                .filter(m -> m.level() == level && m.nodeId().equals(id) && m.month().equals(LocalDate.of(2026, month, 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void repMonthsCreditEveryLineOfTheMonthUpToTheAsOfDateAgainstThatMonthsQuota() {
        // when
        AttainmentResults r = results();

        // then: E1 March 4,000.00 of 10,000.00 = 40.00 %
        MonthFigure march = figure(r, Level.REP, "E1", 3);
        assertThat(march.credited()).isEqualByComparingTo("4000.00");
        assertThat(march.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("10000.00"));
        assertThat(march.printedAttainment()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("40.00"));
        // E1 October: the 3,000.00 line stays in October (its reversal is dated in November): 30.00 %
        assertThat(figure(r, Level.REP, "E1", 10).credited()).isEqualByComparingTo("3000.00");
        // E1 November to D: 2,500.50 − 3,000.00 = −499.50 (the 27th is after D); −499.50 / 10,000 = −4.995 → −5.00 %
        MonthFigure november = figure(r, Level.REP, "E1", 11);
        assertThat(november.credited()).isEqualByComparingTo("-499.50");
        assertThat(november.printedAttainment()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("-5.00"));
        // E2, hired 2026-10-15: October quota 3,100 × 17/31 days = 1,700.00; 1,234.56 / 1,700 = 72.62 %
        MonthFigure e2October = figure(r, Level.REP, "E2", 10);
        assertThat(e2October.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("1700.00"));
        assertThat(e2October.printedAttainment()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("72.62"));
        // E2 November: €6,000 × 1.2 = 7,200.00, nothing credited: 0.00 %
        assertThat(figure(r, Level.REP, "E2", 11).quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("7200.00"));
        // E2 September: no rep_quota row that month: quota and attainment empty
        assertThat(figure(r, Level.REP, "E2", 9).quota()).isEmpty();
        assertThat(figure(r, Level.REP, "E2", 9).attainmentPct()).isEmpty();
        // E3, an overlay: October 1,234.56 credited to the person, no quota that month
        assertThat(figure(r, Level.REP, "E3", 10).credited()).isEqualByComparingTo("1234.56");
        assertThat(figure(r, Level.REP, "E3", 10).quota()).isEqualTo(Optional.empty());
    }

    @Test
    void teamMonthsCountPrimaryLinesOfTheSubtreeAgainstTheTeamsMonthQuota() {
        // when
        AttainmentResults r = results();

        // then: WEST October: PRIMARY 3,000.00 (E1) + 1,234.56 (E2) = 4,234.56, the overlay not again;
        // quota E1 10,000 + E2 1,700.00 (17 of 31 member days of 3,100) = 11,700.00 → 36.19 %
        MonthFigure october = figure(r, Level.TEAM, "WEST", 10);
        assertThat(october.credited()).isEqualByComparingTo("4234.56");
        assertThat(october.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("11700.00"));
        assertThat(october.printedAttainment()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("36.19"));
        // WEST November: 2,500.50 − 3,000.00 = −499.50 of 10,000 + 7,200 = 17,200.00 → −2.90 %
        MonthFigure november = figure(r, Level.TEAM, "WEST", 11);
        assertThat(november.credited()).isEqualByComparingTo("-499.50");
        assertThat(november.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("17200.00"));
        assertThat(november.printedAttainment()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("-2.90"));
        // ROOT carries WEST's numbers; the year so far is January .. November, no December figure
        assertThat(figure(r, Level.TEAM, "ROOT", 10).credited()).isEqualByComparingTo("4234.56");
        List<LocalDate> months = r.months().stream().filter(m -> m.level() == Level.TEAM && m.nodeId().equals("ROOT"))
                .map(MonthFigure::month).toList();
        assertThat(months).hasSize(11).startsWith(LocalDate.of(2026, 1, 1)).endsWith(LocalDate.of(2026, 11, 1));
    }
}
