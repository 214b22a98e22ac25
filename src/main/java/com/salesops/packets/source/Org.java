package com.salesops.packets.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The organisation as read from the source database: employees, teams, memberships, quotas and FX
 * rates. Immutable after construction; lookups by id. Ids are compared exactly.
 */
public final class Org {

    private final Map<String, Employee> employees;
    private final Map<String, Team> teams;
    private final List<Membership> memberships;
    private final Map<String, List<Membership>> membershipsByEmployee = new HashMap<>();
    private final Map<String, List<Team>> childrenByTeam = new HashMap<>();
    private final List<RepQuota> repQuotas;
    private final List<TeamQuota> teamQuotas;
    private final FxTable fx;

    public Org(List<Employee> employees, List<Team> teams, List<Membership> memberships,
               List<RepQuota> repQuotas, List<TeamQuota> teamQuotas, FxTable fx) {
        Map<String, Employee> e = new TreeMap<>();
        employees.forEach(x -> e.put(x.id(), x));
        this.employees = Collections.unmodifiableMap(e);
        Map<String, Team> t = new TreeMap<>();
        teams.forEach(x -> t.put(x.id(), x));
        this.teams = Collections.unmodifiableMap(t);
        this.memberships = List.copyOf(memberships);
        for (Membership m : memberships) {
            membershipsByEmployee.computeIfAbsent(m.employeeId(), k -> new ArrayList<>()).add(m);
        }
        for (Team team : this.teams.values()) {
            if (team.parentId() != null) {
                childrenByTeam.computeIfAbsent(team.parentId(), k -> new ArrayList<>()).add(team);
            }
        }
        this.repQuotas = List.copyOf(repQuotas);
        this.teamQuotas = List.copyOf(teamQuotas);
        this.fx = fx;
    }

    /** Employees by id, in id order. */
    public Map<String, Employee> employees() {
        return employees;
    }

    /** Teams by id, in id order. */
    public Map<String, Team> teams() {
        return teams;
    }

    public Optional<Employee> employee(String id) {
        return Optional.ofNullable(employees.get(id));
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    public List<Membership> memberships() {
        return memberships;
    }

    public List<Membership> membershipsOf(String employeeId) {
        return membershipsByEmployee.getOrDefault(employeeId, List.of());
    }

    /** Direct child teams, in id order. */
    public List<Team> children(String teamId) {
        return childrenByTeam.getOrDefault(teamId, List.of());
    }

    public List<RepQuota> repQuotas() {
        return repQuotas;
    }

    public List<TeamQuota> teamQuotas() {
        return teamQuotas;
    }

    public FxTable fx() {
        return fx;
    }
}
