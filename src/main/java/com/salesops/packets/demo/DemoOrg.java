package com.salesops.packets.demo;

import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.MembershipRole;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The generated organisation, small enough to hold in memory even at size L: a root team with a VP,
 * regions with directors, first-line teams with managers and reps, a Solutions Engineering team of
 * overlay specialists, and the org events (a transfer, new hires, a termination) plus one employee
 * with two overlapping memberships (for AMBIGUOUS_TEAM).
 */
final class DemoOrg {

    static final String ROOT = "root";
    static final String SOLUTIONS_ENGINEERING = "solutions-eng";
    static final String BASE_CURRENCY = "USD";

    private static final List<String> REGION_IDS = List.of("amer", "emea", "apac");
    private static final List<String> REGION_NAMES = List.of("Americas", "EMEA", "APAC");
    private static final List<List<String>> TEAM_SUFFIXES = List.of(
            List.of("west", "east", "central", "south", "canada", "brazil", "mexico", "north"),
            List.of("north", "south", "dach", "uki", "france", "benelux", "nordics", "iberia"),
            List.of("anz", "japan", "sea", "india", "korea", "greater-china"));
    private static final double[] HIRE_FRACTIONS = {0.35, 0.55, 0.80};
    private static final int[] HIRE_DAYS = {10, 15, 20};
    private static final double[] OVER_ASSIGNMENT = {1.10, 1.15, 1.12};
    private static final int CLOSERS = 3;
    private static final Set<String> ACRONYMS = Set.of("uki", "dach", "anz", "sea");

    final LocalDate asOf;
    final LocalDate firstDay;
    final List<Employee> employees = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();
    final List<Membership> memberships = new ArrayList<>();
    final List<Seller> reps = new ArrayList<>();
    final List<Seller> overlays = new ArrayList<>();
    /** Reps that no org event touches, for the dirty bookings. */
    final List<Seller> steadyReps = new ArrayList<>();
    final List<Seller> closers = new ArrayList<>();
    final Map<String, List<Seller>> repsByTeam = new TreeMap<>();
    final Map<String, String> teamCurrency = new TreeMap<>();
    final Map<String, BigDecimal> overAssignedTeams = new LinkedHashMap<>();
    final List<Seller> hires = new ArrayList<>();
    Seller transferred;
    String transferredFrom;
    String transferredTo;
    LocalDate transferDate;
    Seller terminated;
    Employee ambiguous;
    Employee firstLineManager;

    private final DemoSize size;
    /** Per area, its first-line teams in creation order (whatever their parent in the DEEP shape). */
    private final List<List<String>> firstLineByArea = new ArrayList<>();
    private final SplittableRandom random;
    private final DemoNames names;
    private int nextEmployee = 1;

    private DemoOrg(DemoSize size, LocalDate asOf, SplittableRandom random) {
        this.size = size;
        this.asOf = asOf;
        this.firstDay = size.firstDay(asOf);
        this.random = random;
        this.names = new DemoNames(random);
    }

    static DemoOrg build(DemoSize size, LocalDate asOf, SplittableRandom random) {
        DemoOrg org = new DemoOrg(size, asOf, random);
        org.buildTeams();
        org.applyEvents();
        org.addAmbiguousEmployee();
        return org;
    }

    /** Account names per region, drawn after the org so the org does not depend on them. */
    List<List<String>> accounts() {
        List<List<String>> accounts = new ArrayList<>();
        for (int r = 0; r < size.regions(); r++) {
            int count = Math.max(200, size.repsPerTeam() * size.teamsPerRegion() * 3);
            accounts.add(names.accounts(r, count));
        }
        return accounts;
    }

    DemoNames names() {
        return names;
    }

    private void buildTeams() {
        Employee vp = newEmployee("example.com", oldHireDate());
        teams.add(new Team(ROOT, "Global Sales", null, vp.id()));
        // first-line teams interleaved by region, so org events spread over the regions
        for (int r = 0; r < size.regions(); r++) {
            Employee director = newEmployee("example.com", oldHireDate());
            teams.add(new Team(REGION_IDS.get(r), REGION_NAMES.get(r), ROOT, director.id()));
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < size.teamsPerRegion(); t++) {
                List<String> suffixes = TEAM_SUFFIXES.get(r);
                String suffix = t < suffixes.size() ? suffixes.get(t) : String.format("t%03d", t + 1);
                String id = REGION_IDS.get(r) + "-" + suffix;
                Employee manager = newEmployee("example.com", oldHireDate());
                if (firstLineManager == null) {
                    firstLineManager = manager;
                }
                teams.add(new Team(id, REGION_NAMES.get(r) + " " + title(suffix), REGION_IDS.get(r), manager.id()));
                teamCurrency.put(id, currency(r, t));
                ids.add(id);
            }
            firstLineByArea.add(ids);
        }
        Employee seLead = newEmployee("example.org", oldHireDate());
        teams.add(new Team(SOLUTIONS_ENGINEERING, "Solutions Engineering", ROOT, seLead.id()));
        teamCurrency.put(SOLUTIONS_ENGINEERING, BASE_CURRENCY);

        for (int t = 0; t < size.teamsPerRegion(); t++) {
            for (int r = 0; r < size.regions(); r++) {
                String teamId = firstLineByArea.get(r).get(t);
                for (int i = 0; i < size.repsPerTeam(); i++) {
                    Employee e = newEmployee("example.com", oldHireDate());
                    Membership m = new Membership(e.id(), teamId, MembershipRole.REP, e.hireDate(), null);
                    Seller rep = new Seller(e, List.of(m), r, teamCurrency.get(teamId), quotaAmount(), skill());
                    reps.add(rep);
                    repsByTeam.computeIfAbsent(teamId, k -> new ArrayList<>()).add(rep);
                }
            }
        }
        for (int i = 0; i < size.overlaySpecialists(); i++) {
            Employee e = newEmployee("example.org", oldHireDate());
            Membership m = new Membership(e.id(), SOLUTIONS_ENGINEERING, MembershipRole.OVERLAY, e.hireDate(), null);
            overlays.add(new Seller(e, List.of(m), 0, BASE_CURRENCY, quotaAmount(), 1.0));
        }
        List<String> order = firstLineTeamOrder();
        for (int i = 0; i < OVER_ASSIGNMENT.length && i < order.size(); i++) {
            overAssignedTeams.put(order.get(i), BigDecimal.valueOf(OVER_ASSIGNMENT[i]));
        }
        if (size.shape() == OrgShape.DEEP) {
            insertGeosAndRegions();
        }
    }

    /**
     * DEEP shape: each area's first-line teams go under regions of {@link OrgShape#TEAMS_PER_REGION}
     * teams, the regions under geos of {@link OrgShape#REGIONS_PER_GEO} regions, the geos under the area.
     */
    private void insertGeosAndRegions() {
        // Their managers come from a random stream of their own and get ids of their own (G0001...), so
        // every other employee, membership, quota and booking is exactly that of the FLAT shape.
        DemoNames managerNames = new DemoNames(new SplittableRandom(size.seed() ^ 0x6E05L));
        LocalDate hired = firstDay.minusYears(3);
        int[] next = {1};
        java.util.function.Supplier<String> manager = () -> {
            DemoNames.Person person = managerNames.nextPerson("directors.example.com");
            Employee e = new Employee(String.format(Locale.ROOT, "G%04d", next[0]++), person.fullName(), person.email(),
                    hired, null);
            employees.add(e);
            return e.id();
        };
        for (int r = 0; r < size.regions(); r++) {
            String area = REGION_IDS.get(r);
            List<String> firstLine = firstLineByArea.get(r);
            int regionCount = (firstLine.size() + OrgShape.TEAMS_PER_REGION - 1) / OrgShape.TEAMS_PER_REGION;
            for (int g = 0; g * OrgShape.REGIONS_PER_GEO < regionCount; g++) {
                String geo = String.format(Locale.ROOT, "%s-g%02d", area, g + 1);
                teams.add(new Team(geo, REGION_NAMES.get(r) + " Geo " + (g + 1), area, manager.get()));
                for (int k = g * OrgShape.REGIONS_PER_GEO; k < Math.min(regionCount, (g + 1) * OrgShape.REGIONS_PER_GEO);
                     k++) {
                    String region = String.format(Locale.ROOT, "%s-r%02d", geo, k + 1);
                    teams.add(new Team(region, REGION_NAMES.get(r) + " Region " + (k + 1), geo, manager.get()));
                    for (int t = k * OrgShape.TEAMS_PER_REGION;
                         t < Math.min(firstLine.size(), (k + 1) * OrgShape.TEAMS_PER_REGION); t++) {
                        reparent(firstLine.get(t), region);
                    }
                }
            }
        }
    }

    private void reparent(String teamId, String parentId) {
        for (int i = 0; i < teams.size(); i++) {
            Team t = teams.get(i);
            if (t.id().equals(teamId)) {
                teams.set(i, new Team(t.id(), t.name(), parentId, t.managerId()));
                return;
            }
        }
        throw new IllegalStateException("no team " + teamId);
    }

    /**
     * Slot k of the event reps: team {@code k mod teams} in the interleaved order, rep 2 + k / teams;
     * reps 0 and 1 of every team are never hired, terminated or closers (rep 1 of the first team moves).
     */
    private void applyEvents() {
        List<String> order = firstLineTeamOrder();
        int slot = 0;
        for (int k = 0; k < HIRE_FRACTIONS.length; k++, slot++) {
            Seller rep = slotRep(order, slot);
            LocalDate hired = eventDay(HIRE_FRACTIONS[k], HIRE_DAYS[k]);
            Employee e = withDates(rep.employee(), hired, null);
            Membership m = new Membership(e.id(), rep.memberships().get(0).teamId(), MembershipRole.REP, hired, null);
            hires.add(replace(rep, e, List.of(m)));
        }
        Seller leaving = slotRep(order, slot++);
        // the last day worked is before the as-of month, so a booking there finds no team
        LocalDate lastDay = min(eventDay(0.70, 14), asOf.withDayOfMonth(1).minusDays(10));
        Employee e = withDates(leaving.employee(), leaving.employee().hireDate(), lastDay);
        Membership old = leaving.memberships().get(0);
        terminated = replace(leaving, e, List.of(
                new Membership(e.id(), old.teamId(), old.role(), old.validFrom(), lastDay.plusDays(1))));
        for (int k = 0; k < CLOSERS; k++) {
            closers.add(slotRep(order, slot++));
        }

        transferredFrom = order.get(0);
        transferredTo = firstLineTeamsOfRegion(0).get(1);
        Seller mover = repsByTeam.get(transferredFrom).get(1);
        transferDate = eventDay(0.62, 16);
        Membership before = mover.memberships().get(0);
        transferred = replace(mover, mover.employee(), List.of(
                new Membership(mover.id(), transferredFrom, MembershipRole.REP, before.validFrom(), transferDate),
                new Membership(mover.id(), transferredTo, MembershipRole.REP, transferDate, null)));
        repsByTeam.get(transferredTo).add(transferred);

        for (List<Seller> team : repsByTeam.values()) {
            steadyReps.add(team.get(0));
        }
        steadyReps.sort((a, b) -> a.id().compareTo(b.id()));
        reps.forEach(rep -> memberships.addAll(rep.memberships()));
        overlays.forEach(o -> memberships.addAll(o.memberships()));
    }

    private void addAmbiguousEmployee() {
        List<String> order = firstLineTeamOrder();
        ambiguous = newEmployee("example.com", oldHireDate());
        memberships.add(new Membership(ambiguous.id(), order.get(0), MembershipRole.REP, ambiguous.hireDate(), null));
        // a second, overlapping membership from the month before the as-of month: two teams on every later day
        memberships.add(new Membership(ambiguous.id(), order.get(1), MembershipRole.REP,
                asOf.withDayOfMonth(1).minusMonths(1), null));
    }

    private Seller slotRep(List<String> order, int slot) {
        return repsByTeam.get(order.get(slot % order.size())).get(2 + slot / order.size());
    }

    /** Swaps a rep for its changed version everywhere it is listed. */
    private Seller replace(Seller rep, Employee employee, List<Membership> newMemberships) {
        Seller changed = new Seller(employee, newMemberships, rep.region(), rep.currency(), rep.monthlyQuota(), rep.skill());
        reps.set(reps.indexOf(rep), changed);
        for (List<Seller> team : repsByTeam.values()) {
            int i = team.indexOf(rep);
            if (i >= 0) {
                team.set(i, changed);
            }
        }
        employees.set(employees.indexOf(rep.employee()), employee);
        return changed;
    }

    private List<String> firstLineTeamOrder() {
        List<String> order = new ArrayList<>();
        for (int t = 0; t < size.teamsPerRegion(); t++) {
            for (int r = 0; r < size.regions(); r++) {
                order.add(firstLineTeamsOfRegion(r).get(t));
            }
        }
        return order;
    }

    private List<String> firstLineTeamsOfRegion(int region) {
        return firstLineByArea.get(region);
    }

    private Employee newEmployee(String domain, LocalDate hired) {
        DemoNames.Person person = names.nextPerson(domain);
        Employee e = new Employee(String.format("E%05d", nextEmployee++), person.fullName(), person.email(), hired, null);
        employees.add(e);
        return e;
    }

    private static Employee withDates(Employee e, LocalDate hired, LocalDate lastDay) {
        return new Employee(e.id(), e.fullName(), e.email(), hired, lastDay);
    }

    /** Hired between 30 days and about 8 years before the data or the quotas start. */
    private LocalDate oldHireDate() {
        LocalDate quotaStart = LocalDate.of(asOf.getYear() - 1, 1, 1);
        return min(firstDay, quotaStart).minusDays(30 + random.nextInt(2900));
    }

    /** A day {@code fraction} of the way through the data, moved to {@code dayOfMonth} of its month. */
    private LocalDate eventDay(double fraction, int dayOfMonth) {
        long days = ChronoUnit.DAYS.between(firstDay, asOf);
        LocalDate base = firstDay.plusDays(Math.round(fraction * days));
        return min(base.withDayOfMonth(Math.min(dayOfMonth, base.lengthOfMonth())), asOf);
    }

    /** Monthly quota 40,000–120,000 in steps of 1,000. */
    private BigDecimal quotaAmount() {
        return BigDecimal.valueOf(40_000L + 1_000L * random.nextInt(81)).setScale(2);
    }

    private double skill() {
        return 0.6 + 0.8 * random.nextDouble();
    }

    /** AMER in USD, EMEA in EUR, APAC alternating GBP and USD. */
    private static String currency(int region, int team) {
        return switch (region) {
            case 0 -> "USD";
            case 1 -> "EUR";
            default -> team % 2 == 0 ? "GBP" : "USD";
        };
    }

    private static String title(String suffix) {
        StringBuilder out = new StringBuilder();
        for (String word : suffix.split("-")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ACRONYMS.contains(word) ? word.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
