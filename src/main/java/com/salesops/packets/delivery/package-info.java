/**
 * Emailing packets exactly once: the delivery ledger, the message, SMTP or the outbox folder.
 */
package com.salesops.packets.delivery;
