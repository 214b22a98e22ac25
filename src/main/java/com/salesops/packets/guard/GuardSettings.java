package com.salesops.packets.guard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The delivery gate's limits ({@code packets.guard.*}, documented in {@code config/application.yml}),
 * validated at start-up; each 0 turns its rule off.
 *
 * @param minBookings  hold when the run read fewer bookings than this (1: hold a run that read none)
 * @param maxRejectPct hold when more than this % of the bookings read were rejected
 * @param maxDropPct   hold when the credited total of the span both runs reported fell by more than
 *                     this % against the previous run (C of docs/numbers.md §10; the rules: §13)
 */
@Validated
@ConfigurationProperties("packets.guard")
public record GuardSettings(
        @DefaultValue("1") @Min(0) long minBookings,
        @DefaultValue("10") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal maxRejectPct,
        @DefaultValue("20") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal maxDropPct) {
}
