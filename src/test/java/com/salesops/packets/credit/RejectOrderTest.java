package com.salesops.packets.credit;

import static com.salesops.packets.testing.OrgBuilder.booked;
import static com.salesops.packets.testing.OrgBuilder.cancelled;
import static com.salesops.packets.testing.OrgBuilder.credit;
import static com.salesops.packets.testing.OrgBuilder.overlayCredit;
import static com.salesops.packets.testing.OrgBuilder.primary;
import static com.salesops.packets.testing.OrgBuilder.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.source.Booking;
import com.salesops.packets.source.Org;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reject reason of docs/numbers.md §9, and the precedence between neighbouring pairs. D = 2026-11-26,
 * S = 2026-01-01. Org: E1, E2 REP in WEST; E3 OVERLAY in EAST; E4 in both WEST and EAST (ambiguous);
 * E5 a member only from 2026-10-01; EUR rates from 2026-09; GBP has none.
 */
class RejectOrderTest {

    static Org org1() {
        return CreditingTest.westOrg()
                .employee("E4", "Dee Four", "2020-01-01")
                .rep("E4", "WEST", "2020-01-01", null)
                .overlay("E4", "EAST", "2026-01-01", null)
                .employee("E5", "Eve Five", "2020-01-01")
                .rep("E5", "WEST", "2026-10-01", null)
                .build();
    }

    static Reject reject(Booking b) {
        CreditOutcome outcome = new Crediting(CreditingTest.PLAN, org1()).credit(b);
        assertThat(outcome).isInstanceOf(CreditOutcome.Rejected.class);
        return ((CreditOutcome.Rejected) outcome).reject();
    }

    // --- each reason alone ---

    @Test
    void unknownEmployeeIsRejectedNamingTheEmployeeWithSourceAmountAndCurrency() {
        // given
        Booking b = booked("B1", "2026-10-05", "1000.00", " eur", primary("E999", "100"));

        // when
        Reject r = reject(b);

        // then
        assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_EMPLOYEE);
        assertThat(r.detail()).isEqualTo("employee E999 is not in employee");
        assertThat(r.bookingId()).isEqualTo("B1");
        assertThat(r.amount()).isEqualByComparingTo("1000.00");
        assertThat(r.currency()).isEqualTo(" eur");
    }

    @Test
    void employeeWithoutMembershipOnBookingDateIsNoTeamOnDate() {
        // given: E5 joins on 2026-10-01
        Reject r = reject(booked("B1", "2026-09-30", "10.00", "USD", primary("E5", "100")));

        // then
        assertThat(r.reason()).isEqualTo(RejectReason.NO_TEAM_ON_DATE);
        assertThat(r.detail()).contains("E5").contains("2026-09-30");
    }

    @Test
    void twoMembershipsOnBookingDateIsAmbiguousTeam() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E4", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.AMBIGUOUS_TEAM);
        assertThat(r.detail()).contains("E4").contains("EAST").contains("WEST");
    }

    @Test
    void currencyWithoutRateAtOrBeforeTheMonthIsMissingFxRate() {
        // EUR rates start in 2026-09; August has none before it
        Reject r = reject(booked("B1", "2026-08-31", "10.00", "EUR", primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FX_RATE);
        assertThat(r.detail()).contains("EUR").contains("2026-08");
    }

    @Test
    void bookingWithoutCreditRowsIsNoCredit() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD"));

        assertThat(r.reason()).isEqualTo(RejectReason.NO_CREDIT);
    }

    @Test
    void primarySplitsNotSummingTo100IsSplitSum() {
        // 60 + 30 = 90
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "60"), primary("E2", "30")));

        assertThat(r.reason()).isEqualTo(RejectReason.SPLIT_SUM);
        assertThat(r.detail()).isEqualTo("PRIMARY splits sum to 90.00");
    }

    @Test
    void primarySplitsWithinOneHundredthOf100AreAccepted() {
        // 33.33 + 33.33 + 33.33 = 99.99, |99.99 − 100| = 0.01 ≤ 0.01
        CreditOutcome outcome = new Crediting(CreditingTest.PLAN, org1()).credit(booked("B1", "2026-10-05", "10.00", "USD",
                primary("E1", "33.33"), primary("E2", "33.33"), primary("E5", "33.33")));

        assertThat(outcome).isInstanceOf(CreditOutcome.Credited.class);
    }

    @Test
    void primarySplitsJustOutsideTheToleranceAreSplitSum() {
        // 50 + 50.02 = 100.02, off by 0.02
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "50"), primary("E2", "50.02")));

        assertThat(r.reason()).isEqualTo(RejectReason.SPLIT_SUM);
        assertThat(r.detail()).isEqualTo("PRIMARY splits sum to 100.02");
    }

    @Test
    void onlyOverlayCreditsIsSplitSum() {
        // PRIMARY sum = 0
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", overlayCredit("E3", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.SPLIT_SUM);
        assertThat(r.detail()).isEqualTo("PRIMARY splits sum to 0.00");
    }

    @Test
    void overlaySplitAbove100IsInvalidSplit() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), overlayCredit("E3", "100.01")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_SPLIT);
        assertThat(r.detail()).contains("E3").contains("100.01");
    }

    @Test
    void zeroOverlaySplitIsInvalidSplit() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), overlayCredit("E3", "0")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_SPLIT);
    }

    @Test
    void oneEmployeeWithTwoCreditRowsIsInvalidSplitWhateverTheRoles() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), overlayCredit("E1", "10")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_SPLIT);
        assertThat(r.detail()).contains("E1");
    }

    @Test
    void nullSplitIsInvalidSplitNotACrash() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", null)));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_SPLIT);
        assertThat(r.detail()).contains("E1").contains("missing");
    }

    @Test
    void zeroAmountIsInvalidAmount() {
        Reject r = reject(booked("B1", "2026-10-05", "0.00", "USD", primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
    }

    @Test
    void negativeAmountIsInvalidAmount() {
        Reject r = reject(booked("B1", "2026-10-05", "-5.00", "USD", primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(r.amount()).isEqualByComparingTo("-5.00");
    }

    @Test
    void nullAmountIsInvalidAmountNotACrash() {
        Reject r = reject(booked("B1", "2026-10-05", null, "USD", primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(r.amount()).isNull();
    }

    @Test
    void cancelledWithoutDateIsCancelledWithoutDate() {
        Reject r = reject(cancelled("B1", "2026-10-05", "10.00", "USD", null, primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.CANCELLED_WITHOUT_DATE);
    }

    @Test
    void cancelledBeforeBookedIsCancelledBeforeBooked() {
        Reject r = reject(cancelled("B1", "2026-10-05", "10.00", "USD", "2026-10-04", primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.CANCELLED_BEFORE_BOOKED);
        assertThat(r.detail()).contains("2026-10-04").contains("2026-10-05");
    }

    @Test
    void bookingDatedAfterAsOfButCancelledByAsOfIsCancelledBeforeBooked() {
        // read because cancelled on 2026-11-20 ≤ D; dated 2026-12-01 > D (E1 is a member then too)
        Reject r = reject(cancelled("B1", "2026-12-01", "10.00", "USD", "2026-11-20", primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.CANCELLED_BEFORE_BOOKED);
    }

    @Test
    void unknownStatusIsInvalidStatus() {
        Reject r = reject(withStatus(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100")), "PENDING", null));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_STATUS);
        assertThat(r.detail()).contains("PENDING");
    }

    @Test
    void nullStatusIsInvalidStatusNotACrash() {
        Reject r = reject(withStatus(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100")), null, null));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_STATUS);
    }

    @Test
    void unknownCreditRoleIsInvalidStatus() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), credit("E3", "SPIFF", "10")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_STATUS);
        assertThat(r.detail()).contains("SPIFF").contains("E3");
    }

    @Test
    void bookedRowWithCancelledDateIsInvalidStatus() {
        Reject r = reject(withStatus(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100")), "BOOKED", "2026-10-20"));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_STATUS);
    }

    // --- precedence between pairs ---

    @Test
    void unknownEmployeeComesBeforeUnparseableCreditRole() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), credit("E999", "BOSS", "10")));

        assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_EMPLOYEE);
    }

    @Test
    void unknownEmployeeComesBeforeNoTeamOnDate() {
        // E5 has no team on 09-30, E999 is unknown
        Reject r = reject(booked("B1", "2026-09-30", "10.00", "USD", primary("E5", "50"), primary("E999", "50")));

        assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_EMPLOYEE);
    }

    @Test
    void noTeamOnDateComesBeforeAmbiguousTeamAcrossCredits() {
        // E4 is ambiguous and sorts first, E5 has no team on 09-30: NO_TEAM_ON_DATE is checked for all credits first
        Reject r = reject(booked("B1", "2026-09-30", "10.00", "USD", primary("E4", "50"), primary("E5", "50")));

        assertThat(r.reason()).isEqualTo(RejectReason.NO_TEAM_ON_DATE);
    }

    @Test
    void noTeamOnDateOfAnOverlayWithUnparseableRoleStillComesFirst() {
        Reject r = reject(booked("B1", "2026-09-30", "10.00", "USD", primary("E1", "100"), credit("E5", "??", "10")));

        assertThat(r.reason()).isEqualTo(RejectReason.NO_TEAM_ON_DATE);
    }

    @Test
    void ambiguousTeamComesBeforeMissingFxRate() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "GBP", primary("E4", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.AMBIGUOUS_TEAM);
    }

    @Test
    void missingFxRateComesBeforeNoCredit() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "GBP"));

        assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FX_RATE);
    }

    @Test
    void nullCurrencyIsMissingFxRateNotACrash() {
        Reject r = reject(booked("B1", "2026-10-05", "10.00", null, primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FX_RATE);
    }

    @Test
    void noCreditComesBeforeInvalidAmount() {
        Reject r = reject(booked("B1", "2026-10-05", "0.00", "USD"));

        assertThat(r.reason()).isEqualTo(RejectReason.NO_CREDIT);
    }

    @Test
    void splitSumComesBeforeInvalidSplit() {
        // E1 twice (invalid split) and the PRIMARY sum is 60 + 60 = 120
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "60"), primary("E1", "60")));

        assertThat(r.reason()).isEqualTo(RejectReason.SPLIT_SUM);
        assertThat(r.detail()).isEqualTo("PRIMARY splits sum to 120.00");
    }

    @Test
    void splitSumCountsOnlyRowsWhoseRoleParsesAsPrimary() {
        // "PRIMRY" is not PRIMARY: sum = 100 (E1) and the bad role surfaces later as INVALID_STATUS
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), credit("E2", "PRIMRY", "50")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_STATUS);
    }

    @Test
    void unparseableRoleTakingThePrimaryShareGivesSplitSum() {
        // PRIMARY sum = 50 (E1 only); E2's "Primary!" does not count
        Reject r = reject(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "50"), credit("E2", "Primary!", "50")));

        assertThat(r.reason()).isEqualTo(RejectReason.SPLIT_SUM);
        assertThat(r.detail()).isEqualTo("PRIMARY splits sum to 50.00");
    }

    @Test
    void invalidSplitComesBeforeInvalidAmount() {
        Reject r = reject(booked("B1", "2026-10-05", "-1.00", "USD", primary("E1", "100"), overlayCredit("E3", "-5")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_SPLIT);
    }

    @Test
    void invalidAmountComesBeforeCancelledWithoutDate() {
        Reject r = reject(cancelled("B1", "2026-10-05", "0.00", "USD", null, primary("E1", "100")));

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
    }

    @Test
    void cancelledBeforeBookedComesBeforeInvalidStatus() {
        // status "cancelled" with an unparseable credit role: the dates are checked first
        Reject r = reject(cancelled("B1", "2026-10-05", "10.00", "USD", "2026-10-01",
                primary("E1", "100"), credit("E3", "XX", "10")));

        assertThat(r.reason()).isEqualTo(RejectReason.CANCELLED_BEFORE_BOOKED);
    }

    @Test
    void statusIsMatchedIgnoringCaseSoLowercaseCancelledWithoutDateIsCancelledWithoutDate() {
        Reject r = reject(withStatus(booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100")), " cancelled ", null));

        assertThat(r.reason()).isEqualTo(RejectReason.CANCELLED_WITHOUT_DATE);
    }

    @Test
    void aProblemOnAnyCreditRejectsTheWholeBookingWithNoLine() {
        // given
        Booking b = booked("B1", "2026-10-05", "10.00", "USD", primary("E1", "100"), overlayCredit("E999", "100"));

        // when
        CreditOutcome outcome = new Crediting(CreditingTest.PLAN, org1()).credit(b);

        // then
        assertThat(outcome).isInstanceOf(CreditOutcome.Rejected.class);
        assertThat(List.of(outcome)).extracting(CreditOutcome::bookingId).containsExactly("B1");
    }
}
