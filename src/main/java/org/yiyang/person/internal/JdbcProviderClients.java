package org.yiyang.person.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.person.ProviderClients;

@Service
class JdbcProviderClients implements ProviderClients {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcProviderClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void serve(ProviderClient c) {
        jdbc.sql("""
                        insert into provider_client (source, source_ref, provider_id, person_id, valid_from, valid_to,
                                                     recorded_at)
                        values (:source, :ref, :provider, :person, :from, :to, :at)
                        on conflict (source, source_ref) do update
                           set provider_id = excluded.provider_id, person_id = excluded.person_id,
                               valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                               recorded_at = excluded.recorded_at
                         where (provider_client.provider_id, provider_client.person_id, provider_client.valid_from,
                                provider_client.valid_to)
                               is distinct from (excluded.provider_id, excluded.person_id, excluded.valid_from,
                                                 excluded.valid_to)
                        """)
                .param("source", c.source()).param("ref", c.sourceRef()).param("provider", c.providerId())
                .param("person", c.personId()).param("from", c.validFrom()).param("to", c.validTo(), Types.DATE)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    @Override
    @Transactional
    public void end(String source, UUID sourceRef, LocalDate lastDay) {
        jdbc.sql("""
                        update provider_client
                           set valid_to = greatest(:last, valid_from - 1), recorded_at = :at
                         where source = :source and source_ref = :ref and (valid_to is null or valid_to > :last)
                        """)
                .param("last", lastDay).param("at", Timestamp.from(clock.instant()))
                .param("source", source).param("ref", sourceRef).update();
    }

    @Override
    public boolean serves(UUID providerId, UUID personId, LocalDate on) {
        return jdbc.sql("select :person in (select provider_scope(:provider, :on))")
                .param("person", personId).param("provider", providerId).param("on", on)
                .query(Boolean.class).single();
    }
}
