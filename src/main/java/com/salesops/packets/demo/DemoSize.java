package com.salesops.packets.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How much demo data to generate: the org shape ({@code regions} × {@code teamsPerRegion} teams of
 * {@code repsPerTeam} reps, plus {@code overlaySpecialists}), the booking rate and the history.
 *
 * @param bookingsPerYear booking rate; the period generated holds about
 *                        {@link #expectedBookings(LocalDate)} bookings
 * @param monthsOfHistory data starts on the first day of the month this many months before the
 *                        as-of date's month
 */
public record DemoSize(int repsPerTeam, int teamsPerRegion, int regions, int overlaySpecialists,
                       int bookingsPerYear, int monthsOfHistory, long seed, OrgShape shape) {

    /** At most the three regions AMER, EMEA and APAC. */
    static final int MAX_REGIONS = 3;
    static final long DEFAULT_SEED = 20_261_126L;
    private static final int REPS_PER_TEAM_WHEN_SCALED = 10;

    public DemoSize {
        // the org events and dirty rows need a few untouched reps in every team
        require(repsPerTeam >= 6, "repsPerTeam must be at least 6, was " + repsPerTeam);
        require(teamsPerRegion >= 2, "teamsPerRegion must be at least 2, was " + teamsPerRegion);
        require(regions >= 1 && regions <= MAX_REGIONS,
                "regions must be 1.." + MAX_REGIONS + ", was " + regions);
        require(overlaySpecialists >= 1, "overlaySpecialists must be at least 1, was " + overlaySpecialists);
        require(bookingsPerYear >= 100, "bookingsPerYear must be at least 100, was " + bookingsPerYear);
        require(monthsOfHistory >= 1, "monthsOfHistory must be at least 1, was " + monthsOfHistory);
        require(shape != null, "shape must be given");
    }

    /** The demo's flat shape: root → areas → first-line teams. */
    public DemoSize(int repsPerTeam, int teamsPerRegion, int regions, int overlaySpecialists, int bookingsPerYear,
                    int monthsOfHistory, long seed) {
        this(repsPerTeam, teamsPerRegion, regions, overlaySpecialists, bookingsPerYear, monthsOfHistory, seed,
                OrgShape.FLAT);
    }

    /** 3 regions × 4 teams × 10 reps (120), 5 overlay specialists, about 30,000 bookings over 13+ months. */
    public static DemoSize small() {
        return new DemoSize(10, 4, 3, 5, 26_000, 13, DEFAULT_SEED);
    }

    /**
     * About {@code reps} reps (teams of 10 in 3 regions) and {@code bookingsPerYear} bookings a year,
     * for benchmarks: M = {@code scaled(1_000, 300_000)}, L = {@code scaled(5_000, 2_000_000)}.
     */
    public static DemoSize scaled(int reps, int bookingsPerYear) {
        require(reps >= 36, "reps must be at least 36, was " + reps);
        int teamsPerRegion = Math.max(2, Math.round(reps / (float) (MAX_REGIONS * REPS_PER_TEAM_WHEN_SCALED)));
        int repsPerTeam = Math.max(6, Math.round(reps / (float) (MAX_REGIONS * teamsPerRegion)));
        return new DemoSize(repsPerTeam, teamsPerRegion, MAX_REGIONS, Math.max(5, reps / 25),
                bookingsPerYear, 13, DEFAULT_SEED);
    }

    public DemoSize withSeed(long newSeed) {
        return new DemoSize(repsPerTeam, teamsPerRegion, regions, overlaySpecialists, bookingsPerYear,
                monthsOfHistory, newSeed, shape);
    }

    /** The same size in another org shape (the same reps, teams and bookings; other parent teams). */
    public DemoSize withShape(OrgShape newShape) {
        return new DemoSize(repsPerTeam, teamsPerRegion, regions, overlaySpecialists, bookingsPerYear,
                monthsOfHistory, seed, newShape);
    }

    /** Reps with a REP membership in a regional team (overlay specialists and managers not counted). */
    public int reps() {
        return repsPerTeam * teamsPerRegion * regions;
    }

    /** The first day of generated data for a run as of {@code asOf}. */
    public LocalDate firstDay(LocalDate asOf) {
        return asOf.withDayOfMonth(1).minusMonths(monthsOfHistory);
    }

    /** Normal (not dirty) bookings the generator aims at for {@code asOf}: the yearly rate over the period. */
    public long expectedBookings(LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(firstDay(asOf), asOf) + 1;
        return Math.round(bookingsPerYear * (days / 365.0));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
