package com.salesops.packets.attainment;

/** A result row is for a rep (an employee) or a team. TEAM sorts before REP in outputs. */
public enum Level {
    TEAM, REP
}
