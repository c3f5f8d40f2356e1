package org.yiyang.person.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.yiyang.person.PersonalColumns;
import org.yiyang.person.ResidentBulkWriter;
import org.yiyang.person.ResidentRecord;
import org.yiyang.person.TagPeriod;
import org.yiyang.shared.privacy.BlindIndex;
import org.yiyang.shared.privacy.PersonalDataCipher;

/** COPY in PostgreSQL's text format, streamed in chunks of about a megabyte. */
@Component
class CopyResidentBulkWriter implements ResidentBulkWriter {
    private static final int FLUSH_BYTES = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    CopyResidentBulkWriter(DataSource dataSource, PersonalDataCipher cipher, BlindIndex index) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.index = index;
    }

    @Override
    public long write(List<ResidentRecord> residents) {
        if (residents.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            copy(pg, """
                    copy person (id, id_number_enc, id_number_idx, name, sex, birth_date, phone_enc, phone_idx,
                                 hukou_region, residence_region, residence_path, address_enc, living_arrangement,
                                 household_income_fen, demo) from stdin
                    """, residents, false);
            copy(pg, "copy person_tag (person_id, tag, valid_from, valid_to) from stdin", residents, true);
            return residents.size();
        } catch (SQLException e) {
            throw new IllegalStateException("bulk write of residents failed: " + e.getSQLState(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void copy(PGConnection pg, String sql, List<ResidentRecord> residents, boolean tags) throws SQLException {
        CopyIn in = pg.getCopyAPI().copyIn(sql);
        try {
            var buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
            var line = new StringBuilder(512);
            for (ResidentRecord r : residents) {
                if (tags) {
                    for (TagPeriod t : r.tags()) {
                        line.setLength(0);
                        field(line, r.id().toString()).append('\t');
                        field(line, t.tag().name()).append('\t');
                        field(line, t.validFrom().toString()).append('\t');
                        field(line, t.validTo() == null ? null : t.validTo().toString()).append('\n');
                        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                    }
                } else {
                    line.setLength(0);
                    appendPerson(line, r);
                    buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                }
                if (buffer.size() >= FLUSH_BYTES) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            if (buffer.size() > 0) {
                in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void appendPerson(StringBuilder line, ResidentRecord r) {
        String id = r.idNumber().value();
        field(line, r.id().toString()).append('\t');
        bytes(line, cipher.encrypt(id, PersonalColumns.bound(PersonalColumns.ID_NUMBER, r.id()))).append('\t');
        bytes(line, index.of(id, PersonalColumns.ID_NUMBER)).append('\t');
        field(line, r.name()).append('\t');
        field(line, r.sex().name()).append('\t');
        field(line, r.birthDate().toString()).append('\t');
        if (r.phone() == null) {
            line.append("\\N\t\\N\t");
        } else {
            bytes(line, cipher.encrypt(r.phone(), PersonalColumns.bound(PersonalColumns.PHONE, r.id()))).append('\t');
            bytes(line, index.of(r.phone(), PersonalColumns.PHONE)).append('\t');
        }
        field(line, r.hukouRegion()).append('\t');
        field(line, r.residenceRegion()).append('\t');
        field(line, r.residencePath()).append('\t');
        if (r.address() == null) {
            line.append("\\N\t");
        } else {
            bytes(line, cipher.encrypt(r.address(), PersonalColumns.bound(PersonalColumns.ADDRESS, r.id()))).append('\t');
        }
        field(line, r.livingArrangement() == null ? null : r.livingArrangement().name()).append('\t');
        field(line, r.householdIncomeFen() == null ? null : r.householdIncomeFen().toString()).append('\t');
        line.append(r.demo() ? 't' : 'f').append('\n');
    }

    private static StringBuilder bytes(StringBuilder line, byte[] value) {
        return line.append("\\\\x").append(HEX.formatHex(value));
    }

    /** A text-format field: backslash, tab and line breaks escaped; null as {@code \N}. */
    static StringBuilder field(StringBuilder line, @Nullable String value) {
        if (value == null) {
            return line.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }
}
