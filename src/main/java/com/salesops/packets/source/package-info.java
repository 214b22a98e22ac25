/**
 * Reading the company's database (DESIGN §3): the organisation, quotas, FX rates and the streamed bookings, exactly as found.
 */
package com.salesops.packets.source;
