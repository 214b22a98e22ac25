package com.salesops.packets.source;

import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrgValidatorTest {

    @Test
    void hierarchyWithSeveralRootsIsFine() {
        // given
        Org o = org().team("A", "A", null).team("B", "B", null).team("A1", "A1", "A")
                .employee("E1", "Ann", "2020-01-01").rep("E1", "A1", "2020-01-01", null).build();

        // when / then
        assertThatCode(() -> OrgValidator.validate(o)).doesNotThrowAnyException();
    }

    @Test
    void cycleIsReportedNamingItsTeams() {
        // given: X → Y → Z → X, and W hanging under the cycle
        Org o = org().team("X", "X", "Z").team("Y", "Y", "X").team("Z", "Z", "Y").team("W", "W", "X").build();

        // when / then
        assertThatThrownBy(() -> OrgValidator.validate(o)).isInstanceOf(DataProblemException.class)
                .hasMessageContaining("cycle").hasMessageContaining("X").hasMessageContaining("Y").hasMessageContaining("Z");
    }

    @Test
    void teamThatIsItsOwnParentIsACycle() {
        Org o = org().team("X", "X", "X").build();

        assertThatThrownBy(() -> OrgValidator.validate(o)).isInstanceOf(DataProblemException.class)
                .hasMessageContaining("cycle: X -> X");
    }

    @Test
    void missingParentIsReportedNamingTeamAndParent() {
        Org o = org().team("A", "A", "NOPE").build();

        assertThatThrownBy(() -> OrgValidator.validate(o)).isInstanceOf(DataProblemException.class)
                .hasMessageContaining("team A has parent NOPE which does not exist");
    }

    @Test
    void membershipInMissingTeamIsReportedNamingEmployeeAndTeam() {
        Org o = org().team("A", "A", null).employee("E1", "Ann", "2020-01-01").rep("E1", "GHOST", "2020-01-01", null).build();

        assertThatThrownBy(() -> OrgValidator.validate(o)).isInstanceOf(DataProblemException.class)
                .hasMessageContaining("employee E1").hasMessageContaining("team GHOST");
    }
}
