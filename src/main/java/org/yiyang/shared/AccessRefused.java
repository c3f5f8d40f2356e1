package org.yiyang.shared;

/** The actor may not do this. Answered 403 by the web layer. */
public class AccessRefused extends RuntimeException {
    public AccessRefused(String reasonCode) {
        super("access refused: " + reasonCode);
    }
}
