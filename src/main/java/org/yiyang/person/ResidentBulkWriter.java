package org.yiyang.person;

import java.util.List;

/**
 * Writes many residents at once with PostgreSQL COPY (persons and their tags), encrypting and blind-indexing the
 * personal fields on the way. Runs in the caller's transaction; an ID number that already exists fails the whole
 * call, so callers make their batches idempotent (e.g. deterministic chunks) or check first.
 */
public interface ResidentBulkWriter {

    /** Writes the residents; returns how many were written. */
    long write(List<ResidentRecord> residents);
}
