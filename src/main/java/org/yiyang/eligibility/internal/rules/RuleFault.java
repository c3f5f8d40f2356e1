package org.yiyang.eligibility.internal.rules;

/** A rule that cannot be loaded: a CEL syntax or type error, or a construct outside the supported subset. */
public final class RuleFault extends RuntimeException {
    public RuleFault(String message) {
        super(message);
    }
}
