package com.salesops.packets.attainment;

import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.source.Org;
import java.util.List;

/** Placeholder replaced by the maths branch. */
public final class AttainmentCalculator {
    public AttainmentCalculator(RunPlan plan, Org org, AttainmentSettings settings) {
    }

    public void accept(List<CreditLine> linesOfOneBooking) {
    }

    public AttainmentResults finish() {
        throw new UnsupportedOperationException("merged from the maths branch");
    }
}
