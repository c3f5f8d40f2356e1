package org.yiyang.application.internal;

/** How an application arrived. Family members and agents act only on the elder's recorded consent. */
public enum Channel {
    ONLINE_SELF, ONLINE_FAMILY, ONLINE_AGENT, STREET_OFFICE;

    boolean needsAgentConsent() {
        return this == ONLINE_FAMILY || this == ONLINE_AGENT;
    }
}
