package com.salesops.packets.packet;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultOrder;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.MembershipRole;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.Team;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Who a packet's people are, by their memberships in its subtree: guests from other teams, overlay teams. */
final class SubtreeMembers {

    private SubtreeMembers() {
    }

    /**
     * Why each rep counted in a team outside the subtree is in this packet: their latest membership
     * in the subtree that overlaps the YEAR window (docs/numbers.md §8), said in words.
     */
    static Map<String, String> guests(Org org, RunPlan plan, Set<String> subtree, List<NodeResult> repRows) {
        Period year = plan.window(Window.YEAR);
        Map<String, String> guests = new TreeMap<>(ResultOrder.CODE_POINT);
        for (NodeResult r : repRows) {
            if (r.window() != Window.YEAR || r.teamId().filter(subtree::contains).isPresent()) {
                continue;
            }
            org.membershipsOf(r.nodeId()).stream()
                    .filter(m -> subtree.contains(m.teamId()) && m.overlaps(year))
                    .max((a, b) -> a.validFrom().compareTo(b.validFrom()))
                    .ifPresent(m -> guests.put(r.nodeId(), "member of " + org.team(m.teamId()).map(Team::name)
                            .orElse(m.teamId()) + " from " + m.validFrom()
                            + (m.validTo() == null ? "" : " to " + m.validTo().minusDays(1))
                            + "; counted in team " + r.teamId().orElse("none") + " on " + plan.asOf()));
        }
        return Collections.unmodifiableMap(guests);
    }

    /** Teams of the subtree with members this year, all of them OVERLAY. */
    static Set<String> overlayTeams(Org org, RunPlan plan, Set<String> subtree) {
        Period year = plan.window(Window.YEAR);
        Map<String, Boolean> allOverlay = new TreeMap<>(ResultOrder.CODE_POINT);
        for (Membership m : org.memberships()) {
            if (subtree.contains(m.teamId()) && m.overlaps(year)) {
                allOverlay.merge(m.teamId(), m.role() == MembershipRole.OVERLAY, Boolean::logicalAnd);
            }
        }
        Set<String> teams = new HashSet<>();
        allOverlay.forEach((team, overlay) -> {
            if (overlay) {
                teams.add(team);
            }
        });
        return Collections.unmodifiableSet(teams);
    }
}
