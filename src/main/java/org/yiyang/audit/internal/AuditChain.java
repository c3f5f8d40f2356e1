package org.yiyang.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hash chain over the audit trail. {@link #seal()} appends a seal for every committed, unsealed event;
 * {@link #verify()} recomputes the chain and reports the first event whose content or link no longer matches.
 */
@Component
class AuditChain {
    static final byte[] GENESIS = new byte[32];
    private static final String CANONICAL_COLUMNS = """
            e.id, e.occurred_at, e.actor_id, e.actor_username, array_to_string(e.roles, ',') as roles, e.jurisdiction,
            e.event_type, e.object_type, e.object_id, e.outcome, e.reason_code, e.client_ip, e.request_id, e.reason,
            e.details::text as details
            """;

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Canonical(long id, String text) {
    }

    /** Seals committed events not sealed yet; one sealer at a time (advisory lock). Returns how many were sealed. */
    @Transactional
    public int seal() {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(7419001)").query(Boolean.class).single();
        if (!locked) {
            return 0;
        }
        List<Canonical> pending = jdbc.sql("select " + CANONICAL_COLUMNS + """
                        from audit_event e
                        where not exists (select 1 from audit_seal s where s.event_id = e.id)
                        order by e.id limit 5000
                        """)
                .query(AuditChain::canonical).list();
        if (pending.isEmpty()) {
            return 0;
        }
        byte[] prev = jdbc.sql("select hash from audit_seal order by seq desc limit 1").query(byte[].class)
                .optional().orElse(GENESIS);
        for (Canonical c : pending) {
            byte[] hash = link(prev, c.text());
            jdbc.sql("insert into audit_seal (event_id, prev_hash, hash, sealed_at) values (:id, :prev, :hash, now())")
                    .param("id", c.id()).param("prev", prev).param("hash", hash).update();
            prev = hash;
        }
        return pending.size();
    }

    /** A broken link: the event whose seal no longer matches (or whose row is gone). */
    record Break(long seq, long eventId, String problem) {
    }

    /** Walks the whole chain in seal order; empty when it is intact. */
    @Transactional(readOnly = true)
    public Optional<Break> verify() {
        // after a retention purge the chain continues from the anchor the purge left
        var anchor = jdbc.sql("select anchor_seq, anchor_hash from audit_purge order by id desc limit 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).optional();
        byte[][] prev = {anchor.map(a -> (byte[]) a[1]).orElse(GENESIS)};
        long after = anchor.map(a -> (Long) a[0]).orElse(0L);
        Break[] found = {null};
        jdbc.sql("select s.seq, s.event_id, s.prev_hash, s.hash, " + CANONICAL_COLUMNS.replace("e.id,", "e.id as eid,")
                        + " from audit_seal s left join audit_event e on e.id = s.event_id where s.seq > :after "
                        + "order by s.seq")
                .param("after", after)
                .query(rs -> {
                    if (found[0] != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    long eventId = rs.getLong("event_id");
                    byte[] storedPrev = rs.getBytes("prev_hash");
                    byte[] storedHash = rs.getBytes("hash");
                    if (!Arrays.equals(storedPrev, prev[0])) {
                        found[0] = new Break(seq, eventId, "LINK");
                        return;
                    }
                    rs.getLong("eid");
                    if (rs.wasNull()) {
                        found[0] = new Break(seq, eventId, "MISSING");
                        return;
                    }
                    String text = canonicalText(rs, "eid");
                    if (!Arrays.equals(link(prev[0], text), storedHash)) {
                        found[0] = new Break(seq, eventId, "CONTENT");
                        return;
                    }
                    prev[0] = storedHash;
                });
        return Optional.ofNullable(found[0]);
    }

    private static Canonical canonical(ResultSet rs, int row) throws SQLException {
        return new Canonical(rs.getLong("id"), canonicalText(rs, "id"));
    }

    /** Every column in a fixed order, unit-separated; timestamps as epoch microseconds. */
    static String canonicalText(ResultSet rs, String idColumn) throws SQLException {
        var at = rs.getTimestamp("occurred_at");
        long micros = at.getTime() / 1000 * 1_000_000 + at.getNanos() / 1000;
        String[] fields = {
                String.valueOf(rs.getLong(idColumn)), String.valueOf(micros), rs.getString("actor_id"),
                rs.getString("actor_username"), rs.getString("roles"), rs.getString("jurisdiction"),
                rs.getString("event_type"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("outcome"), rs.getString("reason_code"), rs.getString("client_ip"),
                rs.getString("request_id"), rs.getString("reason"), rs.getString("details")};
        var text = new StringBuilder();
        for (String f : fields) {
            text.append(f == null ? "\u2400" : f).append('\u001f');
        }
        return text.toString();
    }

    static byte[] link(byte[] prev, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            return sha.digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
