package com.salesops.packets.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the team hierarchy before anything is computed (docs/numbers.md §8): no cycle, no missing parent,
 * no membership naming a missing team. Several roots are fine.
 */
public final class OrgValidator {

    private OrgValidator() {
    }

    /** @throws DataProblemException naming every offending team, parent and employee */
    public static void validate(Org org) {
        List<String> problems = new ArrayList<>();
        for (Team team : org.teams().values()) {
            if (team.parentId() != null && org.team(team.parentId()).isEmpty()) {
                problems.add("team " + team.id() + " has parent " + team.parentId() + " which does not exist");
            }
        }
        problems.addAll(cycles(org));
        Set<String> seen = new TreeSet<>(Ids.ORDER);
        for (Membership m : org.memberships()) {
            if (org.team(m.teamId()).isEmpty()) {
                seen.add("employee " + m.employeeId() + " has a membership in team " + m.teamId()
                        + " which does not exist");
            }
        }
        problems.addAll(seen);
        if (!problems.isEmpty()) {
            throw new DataProblemException("The org data is not usable: " + String.join("; ", problems));
        }
    }

    private static List<String> cycles(Org org) {
        List<String> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : org.teams().keySet()) {
            // Walk up from each team; a team met twice on one walk closes a cycle.
            LinkedHashSet<String> path = new LinkedHashSet<>();
            String current = start;
            while (current != null && !done.contains(current) && org.team(current).isPresent()) {
                if (!path.add(current)) {
                    List<String> cycle = new ArrayList<>();
                    boolean in = false;
                    for (String t : path) {
                        in |= t.equals(current);
                        if (in) {
                            cycle.add(t);
                        }
                    }
                    found.add("the team hierarchy has a cycle: " + String.join(" -> ", cycle) + " -> " + current);
                    break;
                }
                current = org.team(current).get().parentId();
            }
            done.addAll(path);
        }
        return found;
    }
}
