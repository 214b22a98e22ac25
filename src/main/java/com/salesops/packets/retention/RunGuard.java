package com.salesops.packets.retention;

import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * What retention needs from the run package: whether a run key's latest execution completed (read
 * from the job repository), its run lock, so a key is never purged while it runs and never launched
 * while it is being purged, and the run history made complete for runs older than it.
 */
public interface RunGuard {

    /**
     * Records in the run history every run key whose latest execution COMPLETED but which the history
     * does not know (it completed before the history existed), so retention sees it too.
     *
     * @return the run keys recorded
     */
    List<String> recordCompletedRunsMissingFromHistory();

    /** The status of the key's latest execution (of its latest instance); {@code UNKNOWN} when there is none. */
    BatchStatus latestStatus(String runKey);

    /**
     * Takes the key's run lock until the returned handle is closed.
     *
     * @throws KeyBusyException when another process holds it (it runs, or died holding it)
     */
    Held hold(String runKey);

    /** A held run lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The key's run lock is held by another process; the message says by whom. */
    final class KeyBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KeyBusyException(String message) {
            super(message);
        }
    }
}
