package org.yiyang.jobs;

import org.yiyang.shared.SystemUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.shared.Actor;
import org.yiyang.shared.SystemUse;

/**
 * The job registry. Progress is written in its own transactions so it stays visible while the job's work commits in
 * batches; a job that dies half-way stays RUNNING until it is rerun, and its work must be idempotent.
 */
@Service
public class Jobs {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private final JdbcClient jdbc;
    private final Clock clock;

    Jobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A system job (demo generation, scheduled runs): visible to city-level users only. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @SystemUse("job bookkeeping by the job runners")
    public UUID startSystemJob(String type, String key, @Nullable Long total) {
        return insert(type, key, total, null, null);
    }

    /** A job started by a user: visible within that user's jurisdiction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public UUID start(String type, String key, @Nullable Long total, Actor startedBy) {
        return insert(type, key, total, startedBy.userId(), startedBy.jurisdictionPath());
    }

    private UUID insert(String type, String key, @Nullable Long total, @Nullable UUID startedBy,
                        @Nullable String jurisdictionPath) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into job (id, type, job_key, status, total, started_by, started_at, jurisdiction_path)
                        values (:id, :type, :key, 'RUNNING', :total, :by, :at, cast(:path as ltree))
                        """)
                .param("id", id).param("type", type).param("key", key).param("total", total)
                .param("by", startedBy).param("at", Timestamp.from(clock.instant())).param("path", jurisdictionPath)
                .update();
        log.info("Job {} ({}) started", id, type);
        return id;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @SystemUse("job bookkeeping by the job runners")
    public void progress(UUID id, long done, long accepted, long rejected) {
        jdbc.sql("update job set done = :d, accepted = :a, rejected = :r where id = :id")
                .param("d", done).param("a", accepted).param("r", rejected).param("id", id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @SystemUse("job bookkeeping by the job runners")
    public void total(UUID id, long total) {
        jdbc.sql("update job set total = :t where id = :id").param("t", total).param("id", id).update();
    }

    /** Records rejected rows; recording the same rejection twice keeps one. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @SystemUse("job bookkeeping by the job runners")
    public void reject(UUID id, Collection<Rejection> rejections) {
        for (Rejection r : rejections) {
            jdbc.sql("""
                            insert into job_rejection (job_id, row_no, field, code) values (:id, :row, :field, :code)
                            on conflict do nothing
                            """)
                    .param("id", id).param("row", r.rowNo()).param("field", r.field()).param("code", r.code())
                    .update();
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @SystemUse("job bookkeeping by the job runners")
    public void succeed(UUID id, @Nullable String message) {
        finish(id, JobStatus.SUCCEEDED, message);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @SystemUse("job bookkeeping by the job runners")
    public void fail(UUID id, String message) {
        finish(id, JobStatus.FAILED, message);
    }

    private void finish(UUID id, JobStatus status, @Nullable String message) {
        jdbc.sql("update job set status = :s, message = :m, finished_at = :at where id = :id")
                .param("s", status.name()).param("m", message).param("at", Timestamp.from(clock.instant()))
                .param("id", id).update();
        log.info("Job {} {}", id, status);
    }

    @SystemUse("job runners and tests reading their own job; users go through find(id, actor)")
    public Optional<JobView> find(UUID id) {
        return jdbc.sql("select * from job where id = :id").param("id", id).query(Jobs::map).optional();
    }

    /** The latest job of a type and key (to recognise a rerun). */
    @SystemUse("job runners recognising a rerun")
    public Optional<JobView> latest(String type, String key) {
        return jdbc.sql("select * from job where type = :t and job_key = :k order by started_at desc limit 1")
                .param("t", type).param("k", key).query(Jobs::map).optional();
    }

    /**
     * A job the actor may see: one started within their jurisdiction, or a system job when their jurisdiction is a
     * top-level region (the city); provider staff, who are scoped by their provider and not by region, see only the
     * jobs they started. Outside that it does not exist for them.
     */
    public Optional<JobView> find(UUID id, Actor actor) {
        return jdbc.sql("select * from job where id = :id and " + visible(actor)).param("id", id)
                .param("path", actor.jurisdictionPath()).param("user", actor.userId()).query(Jobs::map).optional();
    }

    public List<JobView> recent(int limit, Actor actor) {
        return jdbc.sql("select * from job where " + visible(actor) + " order by started_at desc limit :n")
                .param("n", limit).param("path", actor.jurisdictionPath()).param("user", actor.userId())
                .query(Jobs::map).list();
    }

    /** The SQL condition of {@link #find}; binds {@code :path} and {@code :user}. */
    private static String visible(Actor actor) {
        return actor.providerScoped() ? "started_by = :user" : """
                (jurisdiction_path <@ cast(:path as ltree)
                 or (jurisdiction_path is null and nlevel(cast(:path as ltree)) = 1))
                """;
    }

    @SystemUse("job runners and tests reading their own job's rejections")
    public List<Rejection> rejections(UUID id) {
        return jdbc.sql("select row_no, field, code from job_rejection where job_id = :id order by row_no, field")
                .param("id", id)
                .query((rs, n) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The rejected rows of a job the actor may see (none otherwise). */
    public List<Rejection> rejections(UUID id, Actor actor) {
        return jdbc.sql("select row_no, field, code from job_rejection where job_id = :id "
                        + "and exists (select 1 from job where job.id = :id and " + visible(actor)
                        + ") order by row_no, field")
                .param("id", id).param("path", actor.jurisdictionPath()).param("user", actor.userId())
                .query((rs, n) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static JobView map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long total = rs.getLong("total");
        Long totalOrNull = rs.wasNull() ? null : total;
        return new JobView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("job_key"),
                JobStatus.valueOf(rs.getString("status")), totalOrNull, rs.getLong("done"), rs.getLong("accepted"),
                rs.getLong("rejected"), rs.getString("message"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
