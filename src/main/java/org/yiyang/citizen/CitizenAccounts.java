package org.yiyang.citizen;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.identity.UserAccounts;
import org.yiyang.identity.UserAccounts.CitizenAccount;
import org.yiyang.person.CitizenScope;
import org.yiyang.person.Consents;
import org.yiyang.shared.Actor;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * Staff side of citizens (ADR 0008): a street worker or district officer registers a citizen account (optionally
 * linked to the resident it is), records the authorities persons give it — AGENT consents with proof document and
 * period — and revokes them. Accounts and persons are reached only within the staff member's jurisdiction (404
 * otherwise); everything is audited.
 */
@Service
public class CitizenAccounts {
    static final Role[] REGISTRARS = {Role.STREET_WORKER, Role.DISTRICT_OFFICER};
    private static final int MAX_PAGE = 100;

    private final UserAccounts accounts;
    private final CitizenScope scope;
    private final Consents consents;
    private final AuditTrail audit;

    CitizenAccounts(UserAccounts accounts, CitizenScope scope, Consents consents, AuditTrail audit) {
        this.accounts = accounts;
        this.scope = scope;
        this.consents = consents;
        this.audit = audit;
    }

    /** A new citizen account; {@code personId} when the account holder is a registered resident. */
    public record NewCitizen(@Nullable String username, @Nullable String password, @Nullable String displayName,
                             @Nullable UUID personId) {
        @Override
        public String toString() {
            return "NewCitizen[" + username + "]";
        }
    }

    /**
     * An authority given to the account: the person, who the holder is to them ({@code FAMILY} or {@code AGENT}), who
     * gave it, the proof document and the period.
     */
    public record NewAuthority(@Nullable UUID personId, @Nullable String relation, @Nullable String givenBy,
                               @Nullable String agentName, @Nullable String proofType, @Nullable String proofRef,
                               @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
        @Override
        public String toString() {
            return "NewAuthority[" + personId + "]";
        }
    }

    /** A citizen account with the resident it is (if linked and within the jurisdiction) and its authorities. */
    public record CitizenView(CitizenAccount account, @Nullable UUID personId, List<Consents.Consent> authorities) {
        public CitizenView {
            authorities = List.copyOf(authorities);
        }
    }

    /** A page of citizen accounts with the total. */
    public record CitizenPage(List<CitizenAccount> items, int page, int size, long total) {
        public CitizenPage {
            items = List.copyOf(items);
        }
    }

    /**
     * Registers the account (CITIZEN role only, password policy as for every user, change at first login) and, when
     * given, links it to the resident, who must be within the jurisdiction. One transaction: nothing is stored when
     * either part is refused.
     */
    @Transactional
    public UUID register(NewCitizen request, Actor actor) {
        actor.require(REGISTRARS);
        UUID id = accounts.createCitizen(request.username() == null ? "" : request.username().strip(),
                request.password() == null ? "" : request.password(),
                request.displayName() == null || request.displayName().isBlank() ? null
                        : request.displayName().strip(), actor);
        if (request.personId() != null) {
            scope.linkAccount(id, request.personId(), actor);
        }
        return id;
    }

    /** One citizen account registered within the jurisdiction, with its link and authorities; 404 otherwise. */
    @Transactional
    public CitizenView find(UUID accountId, Actor actor) {
        actor.require(REGISTRARS);
        CitizenAccount account = account(accountId, actor);
        audit.record(AuditEvent.success("CITIZEN_ACCOUNT_READ", actor, "user", accountId));
        return new CitizenView(account, scope.linkedPerson(accountId, actor).orElse(null),
                consents.authoritiesOf(accountId, actor));
    }

    /** The citizen accounts registered within the jurisdiction, by user name. */
    @Transactional(readOnly = true)
    public CitizenPage list(int page, int size, Actor actor) {
        actor.require(REGISTRARS);
        var problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "PAGE_NUMBER");
        }
        if (size < 1 || size > MAX_PAGE) {
            problems.add("size", "PAGE_SIZE", MAX_PAGE);
        }
        problems.throwIfAny();
        return new CitizenPage(accounts.citizensWithin(page, size, actor), page, size,
                accounts.countCitizensWithin(actor));
    }

    /**
     * Records that the person authorised the account to act for them: the person's AGENT consent naming the
     * account, with proof document type and reference and a period that ends. Both the account and the person must
     * be within the jurisdiction (404).
     */
    @Transactional
    public Consents.Consent grant(UUID accountId, NewAuthority authority, Actor actor) {
        actor.require(REGISTRARS);
        account(accountId, actor);
        if (authority.personId() == null) {
            var problems = new InvalidInput.Collector();
            problems.add("personId", "REQUIRED");
            problems.throwIfAny();
        }
        return consents.recordAuthority(authority.personId(), accountId, authority.relation(),
                new Consents.NewConsent(
                Consents.Scope.AGENT.name(), authority.givenBy(), authority.agentName(), authority.proofType(),
                authority.proofRef(), authority.validFrom(), authority.validTo()), actor);
    }

    /** Revokes an authority of the account (withdraws the consent); it stops holding at once. */
    @Transactional
    public void revoke(UUID accountId, UUID authorityId, Actor actor) {
        actor.require(REGISTRARS);
        account(accountId, actor);
        consents.withdrawAuthority(accountId, authorityId, actor);
    }

    private CitizenAccount account(UUID id, Actor actor) {
        return accounts.citizenWithin(id, actor).orElseThrow(() -> new NotFound("citizen account"));
    }

}
