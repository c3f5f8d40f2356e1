package org.yiyang.person;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * After a key rotation (a new key added to the key file and made current), moves every encrypted personal value of
 * the registry to the current key, in batches, each in its own transaction. It selects only values still under an
 * older key, so a run that dies half-way is simply run again and finishes the rest; a second run changes nothing.
 */
@Service
public class PersonalDataReencryption {
    static final int BATCH = 1_000;

    /** table, key column, encrypted column, purpose. */
    private record Column(String table, String key, String column, String purpose) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("person", "id", "id_number_enc", PersonalColumns.ID_NUMBER),
            new Column("person", "id", "phone_enc", PersonalColumns.PHONE),
            new Column("person", "id", "address_enc", PersonalColumns.ADDRESS),
            new Column("emergency_contact", "person_id, seq", "phone_enc", PersonalColumns.CONTACT_PHONE));

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Jobs jobs;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final java.util.concurrent.Executor executor;

    PersonalDataReencryption(JdbcClient jdbc, PersonalDataCipher cipher, Jobs jobs, AuditTrail audit,
                             TransactionTemplate tx,
                             @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor")
                             java.util.concurrent.Executor executor) {
        this.executor = executor;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
    }

    /** Starts the move in the background and returns its job (progress at {@code /api/v1/jobs/{id}}). */
    public UUID start(Actor actor) {
        actor.require(Role.SECURITY_ADMIN);
        UUID job = newJob();
        executor.execute(() -> work(job, actor));
        return job;
    }

    /** Re-encrypts everything not under the current key, in the caller's thread; returns how many values moved. */
    public long run(Actor actor) {
        actor.require(Role.SECURITY_ADMIN);
        return work(newJob(), actor);
    }

    private UUID newJob() {
        short current = cipher.currentKeyId();
        long pending = 0;
        for (Column c : COLUMNS) {
            pending += jdbc.sql("select count(*) from " + c.table() + " where " + stale(c))
                    .param("k", current).query(Long.class).single();
        }
        return jobs.startSystemJob("REENCRYPTION", "key:" + current, pending);
    }

    private long work(UUID job, Actor actor) {
        short current = cipher.currentKeyId();
        long moved = 0;
        for (Column c : COLUMNS) {
            int n;
            do {
                n = tx.execute(status -> batch(c, current));
                moved += n;
                jobs.progress(job, moved, moved, 0);
            } while (n > 0);
        }
        jobs.succeed(job, moved + " values moved to key " + current);
        audit.record(new AuditEvent("PERSONAL_DATA_REENCRYPTED", actor, "job", job.toString(),
                AuditEvent.Outcome.SUCCESS, null, null, java.util.Map.of("values", moved, "key", (int) current)));
        return moved;
    }

    private int batch(Column c, short current) {
        var rows = jdbc.sql("select " + c.key() + ", " + c.column() + " as v from " + c.table() + " where " + stale(c)
                        + " limit " + BATCH + " for update skip locked")
                .param("k", current)
                .query((rs, i) -> new Object[] {rs.getObject(1), c.key().contains(",") ? rs.getObject(2) : null,
                        rs.getBytes("v")})
                .list();
        for (Object[] row : rows) {
            String aad = PersonalColumns.bound(c.purpose(), row[1] == null ? row[0] : row[0] + "/" + row[1]);
            byte[] fresh = cipher.encrypt(cipher.decrypt((byte[]) row[2], aad), aad);
            if (c.key().contains(",")) {
                jdbc.sql("update " + c.table() + " set " + c.column() + " = :v where person_id = :a and seq = :b")
                        .param("v", fresh).param("a", row[0]).param("b", row[1]).update();
            } else {
                jdbc.sql("update " + c.table() + " set " + c.column() + " = :v where id = :a")
                        .param("v", fresh).param("a", row[0]).update();
            }
        }
        return rows.size();
    }

    /** The stored value starts with its key id (two bytes, big-endian). */
    private static String stale(Column c) {
        return c.column() + " is not null and (get_byte(" + c.column() + ", 0) * 256 + get_byte(" + c.column()
                + ", 1)) <> :k";
    }
}
