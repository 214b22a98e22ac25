package com.salesops.packets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code resend --run <run-key> --team <team-id>}: parsed, and refused with exit 2 when incomplete. */
class ResendCommandLineTest {

    @Test
    void resendTakesARunKeyAndATeam() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse(new String[] {"resend", "--run", "nightly-2026-11-26",
                "--team=team-a", "--spring.mail.host=smtp"});

        assertThat(parsed.command()).isEqualTo(new Command.Resend("nightly-2026-11-26", "team-a"));
        assertThat(parsed.springArgs()).containsExactly("--spring.mail.host=smtp");
    }

    @Test
    void resendWithoutTeamOrRunIsBadUsage() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"resend", "--run", "nightly-2026-11-26"}))
                .hasMessage("resend needs --team TEAM-ID");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"resend", "--team", "team-a"}))
                .hasMessage("resend needs --run RUN-KEY");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"run", "nightly", "--team", "team-a"}))
                .hasMessage("--team does not apply to run");
    }

    @Test
    void usageListsResend() {
        assertThat(CommandLine.USAGE).contains("resend --run RUN-KEY --team TEAM-ID");
    }
}
