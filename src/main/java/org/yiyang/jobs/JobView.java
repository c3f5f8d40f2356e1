package org.yiyang.jobs;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A job as pages and the API show it. */
public record JobView(UUID id, String type, String key, JobStatus status, @Nullable Long total, long done,
                      long accepted, long rejected, @Nullable String message, Instant startedAt,
                      @Nullable Instant finishedAt) {

    /** Progress in percent, when the total is known. */
    public @Nullable Integer percent() {
        if (total == null || total == 0) {
            return status == JobStatus.SUCCEEDED ? 100 : null;
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
