package com.salesops.packets.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an email is sent, stored in the ledger as its {@link #code()}: {@code RUN} (the run's own
 * delivery), {@code RERUN-n} (the n-th deliberate rerun of a completed run key) or {@code RESEND-n}
 * (the n-th deliberate resend of one team's packet). Each purpose has its own ledger rows and
 * Message-IDs, so a rerun or resend never collapses with the first delivery.
 */
public record DeliveryPurpose(Kind kind, int number) {

    public enum Kind { RUN, RERUN, RESEND }

    public static final DeliveryPurpose RUN = new DeliveryPurpose(Kind.RUN, 0);

    private static final Pattern NUMBERED = Pattern.compile("(RERUN|RESEND)-([1-9]\\d{0,8})");

    public DeliveryPurpose {
        if ((kind == Kind.RUN) != (number == 0) || number < 0) {
            throw new IllegalArgumentException("a RUN purpose has no number, RERUN and RESEND one from 1: "
                    + kind + " " + number);
        }
    }

    /** The purpose of a run's emails: {@code rerun} 0 is the run itself. */
    public static DeliveryPurpose ofRun(long rerun) {
        return rerun == 0 ? RUN : new DeliveryPurpose(Kind.RERUN, Math.toIntExact(rerun));
    }

    public static DeliveryPurpose resend(int n) {
        return new DeliveryPurpose(Kind.RESEND, n);
    }

    public static DeliveryPurpose parse(String code) {
        if (code.equals(Kind.RUN.name())) {
            return RUN;
        }
        Matcher m = NUMBERED.matcher(code);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a delivery purpose: " + code + " (RUN, RERUN-n or RESEND-n)");
        }
        return new DeliveryPurpose(Kind.valueOf(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The form in the ledger and the email header: RUN, RERUN-2, RESEND-1. */
    public String code() {
        return kind == Kind.RUN ? kind.name() : kind.name() + "-" + number;
    }

    @Override
    public String toString() {
        return code();
    }
}
