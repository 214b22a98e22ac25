/**
 * Reading the company's database (docs/architecture.md, "Source data"): the organisation, quotas, FX rates and the streamed bookings, exactly as found.
 */
package com.salesops.packets.source;
