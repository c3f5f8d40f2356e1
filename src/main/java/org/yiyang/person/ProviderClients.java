package org.yiyang.person;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.SystemUse;

/**
 * Who a provider serves (服务对象): the relation that scopes provider staff over resident records. Provider staff see
 * a resident only while the resident is their provider's client, through the published SQL function
 * {@code provider_scope(provider_id, day)}. The module that owns the source record (an LTC beneficiary under a
 * designated provider today; admissions and home-care contracts later) writes the relation inside its own checked
 * operation, keyed by that record, so writing it again changes nothing.
 */
public interface ProviderClients {

    /** Starts or updates the relation of one source record. */
    @SystemUse("written by the owning module inside its own authorised operation on the source record")
    void serve(ProviderClient client);

    /** Ends the relation of one source record on its last day (no-op if unknown or already ended earlier). */
    @SystemUse("written by the owning module inside its own authorised operation on the source record")
    void end(String source, UUID sourceRef, LocalDate lastDay);

    /** Whether the provider serves the person on the day (e.g. for an assessor's 回避 when their employer does). */
    @SystemUse("a yes/no about a relation, asked inside the caller's own authorised operation")
    boolean serves(UUID providerId, UUID personId, LocalDate on);

    /**
     * One relation.
     *
     * @param source    the kind of source record, e.g. {@code LTC_BENEFICIARY}
     * @param sourceRef the source record's id
     */
    record ProviderClient(String source, UUID sourceRef, UUID providerId, UUID personId, LocalDate validFrom,
                          @Nullable LocalDate validTo) {
        public ProviderClient {
            Objects.requireNonNull(source);
            Objects.requireNonNull(sourceRef);
            Objects.requireNonNull(providerId);
            Objects.requireNonNull(personId);
            Objects.requireNonNull(validFrom);
        }
    }
}
