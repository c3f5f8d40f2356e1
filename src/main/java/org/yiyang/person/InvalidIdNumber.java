package org.yiyang.person;

/** An ID number that is not valid; the message carries only the reason code, never the number. */
public class InvalidIdNumber extends IllegalArgumentException {
    private final Gb11643.Error reason;

    public InvalidIdNumber(Gb11643.Error reason) {
        super("invalid ID number: " + reason);
        this.reason = reason;
    }

    public Gb11643.Error reason() {
        return reason;
    }
}
