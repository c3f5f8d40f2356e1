package org.yiyang.person;

import org.yiyang.shared.SystemUse;
import java.util.List;

/**
 * Writes many residents at once with PostgreSQL COPY (persons and their tags), encrypting and blind-indexing the
 * personal fields on the way. Runs in the caller's transaction; an ID number that already exists fails the whole
 * call, so callers make their batches idempotent (e.g. deterministic chunks) or check first.
 */
@SystemUse("bulk writes by the demo generator and import jobs whose rows were validated for the actor")
public interface ResidentBulkWriter {

    /** Writes the residents; returns how many were written. */
    long write(List<ResidentRecord> residents);
}
