package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.FlagType;
import com.salesops.packets.packet.DealLine;
import com.salesops.packets.packet.Packet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Flags section: the latest closed month's and quarter's flags first (marked), then earlier ones;
 * at most {@link #MAX_LISTED_FLAGS} flags and {@link #MAX_DEALS_PER_FLAG} deals a flag, each cut
 * saying how many more there are and where they all are.
 */
final class FlagView {

    /** A packet with more flags (a region, a VP) lists this many, the largest by amount. */
    static final int MAX_LISTED_FLAGS = 100;
    /** Deals listed under one flag; a pull-in of 60 deals otherwise runs over pages. */
    static final int MAX_DEALS_PER_FLAG = 5;

    private final Packet packet;

    FlagView(Packet packet) {
        this.packet = packet;
    }

    /** The flags the PDF lists: all of them, or the {@link #MAX_LISTED_FLAGS} largest by amount. */
    private List<Flag> listedFlags() {
        List<Flag> all = packet.flags();
        if (all.size() > MAX_LISTED_FLAGS) {
            all = all.stream()
                    .sorted(Comparator.comparing(Flag::amount).reversed()
                            .thenComparing(f -> f.flag().name()).thenComparing(Flag::employeeId)
                            .thenComparing(f -> f.period().start()))
                    .limit(MAX_LISTED_FLAGS).toList();
        }
        return all;
    }

    String title() {
        int count = packet.flags().size();
        long recent = packet.flags().stream().filter(packet::recent).count();
        String head = count > MAX_LISTED_FLAGS
                ? String.format(Locale.US, "Flags (%,d — the %d largest listed; all in the workbook and flags.csv)",
                        count, MAX_LISTED_FLAGS)
                : "Flags (" + count + ")";
        return head + " · " + recent + " about the latest closed month or quarter (marked NEW, listed first)";
    }

    List<Map<String, ?>> rows() {
        List<Flag> flags = listedFlags().stream()
                .sorted(Comparator.comparing((Flag f) -> !packet.recent(f))
                        .thenComparing((Flag f) -> f.period().start(), Comparator.reverseOrder())
                        .thenComparing(f -> f.flag().name())
                        .thenComparing(Flag::employeeId))
                .toList();
        Map<String, String> names = new HashMap<>();
        packet.repRows().forEach(r -> names.putIfAbsent(r.nodeId(), r.nodeName()));
        Map<String, DealLine> firstLine = flaggedDeals(flags, names);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Flag f : flags) {
            StringBuilder deals = new StringBuilder();
            List<String> ids = f.bookingIds();
            for (String bookingId : ids.subList(0, Math.min(ids.size(), MAX_DEALS_PER_FLAG))) {
                if (deals.length() > 0) {
                    deals.append('\n');
                }
                deals.append(bookingId);
                DealLine deal = firstLine.get(f.employeeId() + '\u0000' + bookingId);
                if (deal != null) {
                    // amount and dates before the account: a long account name wraps, not the figures
                    deals.append(" · ").append(Formats.money(deal.line().amountBase()))
                            .append(" · booked ").append(deal.line().bookingDate());
                    if (deal.line().cancelledDate() != null) {
                        deals.append(" · cancelled ").append(deal.line().cancelledDate());
                    }
                    deals.append(" · ").append(Views.orNa(deal.booking() == null ? null : deal.booking().accountName()));
                }
            }
            if (ids.size() > MAX_DEALS_PER_FLAG) {
                deals.append("\n… and ").append(ids.size() - MAX_DEALS_PER_FLAG)
                        .append(" more deals (all on the workbook's Flags sheet)");
            }
            Map<String, Object> row = new HashMap<>();
            String kind = f.flag() == FlagType.PERIOD_END_PULL_IN ? "Period-end pull-in" : "Cancelled after credit";
            row.put("flag", packet.recent(f) ? "NEW · " + kind : kind);
            row.put("rep", Formats.person(names.get(f.employeeId()), f.employeeId()));
            row.put("team", Views.teamName(packet, Optional.ofNullable(f.teamId())));
            // on two lines ("2026-11-01 –" / "2026-11-30"): the column is narrow, a date must not break
            row.put("period", f.period().start() + " –\n" + f.period().end());
            row.put("amount", Formats.money(f.amount()));
            row.put("deals", deals.toString());
            row.put("currency", packet.baseCurrency());
            rows.add(row);
        }
        return rows;
    }

    /** One streaming pass over the deals, keeping the first original line of each flagged booking. */
    private Map<String, DealLine> flaggedDeals(List<Flag> flags, Map<String, String> names) {
        Map<String, DealLine> found = new HashMap<>();
        if (flags.isEmpty()) {
            return found;
        }
        Set<String> wanted = new HashSet<>();
        Set<String> bookings = new HashSet<>();
        flags.forEach(f -> f.bookingIds().subList(0, Math.min(f.bookingIds().size(), MAX_DEALS_PER_FLAG)).forEach(b -> {
            wanted.add(f.employeeId() + '\u0000' + b);
            bookings.add(b);
        }));
        packet.deals().forEachOfBookings(bookings, deal -> {
            String key = deal.line().employeeId() + '\u0000' + deal.line().bookingId();
            if (!deal.line().reversal() && wanted.contains(key)) {
                found.putIfAbsent(key, deal);
                if (deal.employeeName() != null) {
                    names.putIfAbsent(deal.line().employeeId(), deal.employeeName());
                }
            }
        });
        return found;
    }
}
