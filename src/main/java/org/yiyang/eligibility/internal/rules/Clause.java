package org.yiyang.eligibility.internal.rules;

import org.jspecify.annotations.Nullable;

/**
 * One clause of a rule as it was evaluated: its text, the actual values that decided it, and its result
 * ({@code null} when a fact it reads is unknown).
 */
public record Clause(String clause, String actual, @Nullable Boolean result) {
}
