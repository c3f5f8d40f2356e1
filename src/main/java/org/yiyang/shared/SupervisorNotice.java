package org.yiyang.shared;

import java.util.UUID;

/**
 * An event asking that a user's supervisors be told of something they did (e.g. break-the-glass access). Carries ids
 * and a kind code only; the identity module decides who supervises whom and stores the notices.
 */
public record SupervisorNotice(UUID actorUserId, String actorJurisdictionPath, String kind, String objectType,
                               String objectId) {
}
