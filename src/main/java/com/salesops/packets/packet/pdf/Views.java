package com.salesops.packets.packet.pdf;

import com.salesops.packets.packet.Packet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/** Small helpers shared by the PDF views. */
final class Views {

    private Views() {
    }

    static String orNa(String text) {
        return text == null || text.isBlank() ? Formats.NA : text;
    }

    /** A team's name when it is in the packet's subtree; another team is named by its id and marked as such. */
    static String teamName(Packet packet, Optional<String> teamId) {
        return teamId.map(id -> packet.teamNames().containsKey(id) ? packet.teamNames().get(id) : "other team: " + id)
                .orElse(Formats.NA);
    }

    static JRMapCollectionDataSource source(List<Map<String, ?>> rows) {
        return new JRMapCollectionDataSource(rows);
    }
}
