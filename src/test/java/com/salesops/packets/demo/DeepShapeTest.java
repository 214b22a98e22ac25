package com.salesops.packets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The DEEP org shape (root → areas → geos → regions → first-line teams) used by the benchmark. */
class DeepShapeTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    // 1 area (AMER) × 30 first-line teams of 6 reps: 30 / 6 = 5 regions, 4 regions a geo → 2 geos
    private static final DemoSize FLAT = new DemoSize(6, 30, 1, 2, 1_000, 1, DemoSize.DEFAULT_SEED);

    @Test
    void firstLineTeamsSitUnderRegionsUnderGeosUnderAreas() {
        // given
        DataSource db = TestDatabases.h2InMemory();

        // when
        new DemoDataGenerator(FLAT.withShape(OrgShape.DEEP)).generate(db, AS_OF);

        // then: 1 root + 1 area + 2 geos + 5 regions + 30 first-line teams + Solutions Engineering
        Rows rows = new Rows(db);
        assertThat(rows.count("SELECT COUNT(*) FROM sales_team")).isEqualTo(1 + 1 + 2 + 5 + 30 + 1);
        assertThat(rows.strings("SELECT team_id FROM sales_team WHERE parent_team_id = 'amer' ORDER BY team_id"))
                .containsExactly("amer-g01", "amer-g02");
        assertThat(rows.strings("SELECT team_id FROM sales_team WHERE parent_team_id = 'amer-g01' ORDER BY team_id"))
                .containsExactly("amer-g01-r01", "amer-g01-r02", "amer-g01-r03", "amer-g01-r04");
        assertThat(rows.strings("SELECT team_id FROM sales_team WHERE parent_team_id = 'amer-g02'"))
                .containsExactly("amer-g02-r05");
        // every team with members is four levels below the root, in a region of at most 6 teams
        Map<String, String> parent = new HashMap<>();
        rows.rows("SELECT team_id, parent_team_id FROM sales_team").forEach(r -> parent.put(r.get(0), r.get(1)));
        for (String team : rows.strings("SELECT DISTINCT team_id FROM team_membership WHERE role = 'REP'")) {
            assertThat(depth(team, parent)).as(team).isEqualTo(4);
        }
        for (List<String> region : rows.rows("SELECT parent_team_id, COUNT(*) FROM sales_team "
                + "WHERE parent_team_id LIKE '%-r%' GROUP BY parent_team_id")) {
            assertThat(Integer.parseInt(region.get(1))).as(region.get(0)).isBetween(1, 6);
        }
        // every geo and region has a manager, who is an employee
        assertThat(rows.count("SELECT COUNT(*) FROM sales_team t JOIN employee e ON e.employee_id = t.manager_id "
                + "WHERE t.team_id LIKE 'amer-g0%'")).isEqualTo(2 + 5);
    }

    @Test
    void theDeepShapeHasTheFlatShapesPeopleAndBookings() {
        // given
        DataSource flat = TestDatabases.h2InMemory();
        DataSource deep = TestDatabases.h2InMemory();

        // when
        new DemoDataGenerator(FLAT).generate(flat, AS_OF);
        new DemoDataGenerator(FLAT.withShape(OrgShape.DEEP)).generate(deep, AS_OF);

        // then: only the geo and region managers (ids G0001...) and the teams' parents differ
        Rows f = new Rows(flat);
        Rows d = new Rows(deep);
        for (String table : List.of("booking", "booking_credit", "team_membership", "rep_quota", "fx_rate")) {
            assertThat(d.rows("SELECT * FROM " + table + " ORDER BY 1, 2, 3")).as(table)
                    .isEqualTo(f.rows("SELECT * FROM " + table + " ORDER BY 1, 2, 3"));
        }
        assertThat(d.rows("SELECT * FROM employee WHERE employee_id NOT LIKE 'G%' ORDER BY 1"))
                .isEqualTo(f.rows("SELECT * FROM employee ORDER BY 1"));
    }

    private static int depth(String team, Map<String, String> parent) {
        int depth = 0;
        for (String t = parent.get(team); t != null; t = parent.get(t)) {
            depth++;
        }
        return depth;
    }
}
