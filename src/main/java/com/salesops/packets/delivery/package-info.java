/**
 * Emailing packets exactly once: the delivery ledger, the message (size guard, headers safe from
 * data), one reused SMTP connection or the outbox folder, retries of temporary failures, and the
 * run summary for sales ops.
 */
package com.salesops.packets.delivery;
