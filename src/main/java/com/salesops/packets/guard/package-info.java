/**
 * Guards before anything reaches a manager: the dates a run may be asked for, and the delivery gate
 * that holds a run's emails when its figures look wrong (no booking read, too many rejects, credit
 * fallen against the previous run) until a person releases it. The rules are plain Java
 * ({@link com.salesops.packets.guard.RunDates}, {@link com.salesops.packets.guard.DeliveryGateRules});
 * owns the {@code delivery_gate} and {@code gate_release} tables (docs/numbers.md §13).
 */
package com.salesops.packets.guard;
