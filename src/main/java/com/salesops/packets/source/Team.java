package com.salesops.packets.source;

import java.util.Objects;

/** A row of {@code sales_team}. {@code parentId} null = the root; {@code managerId} null = no manager. */
public record Team(String id, String name, String parentId, String managerId) {

    public Team {
        Objects.requireNonNull(id, "id");
    }

    public boolean isRoot() {
        return parentId == null;
    }
}
