package org.yiyang.facility;

/** Who owns and who runs a provider's facilities. Codes are API values; names are in the message bundles. */
public enum Ownership {
    /** 公办 */
    PUBLIC,
    /** 公建民营 */
    PUBLIC_BUILT_PRIVATE_RUN,
    /** 民办 */
    PRIVATE,
    /** 社会组织 */
    SOCIAL_ORGANISATION
}
