package org.yiyang.application.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.application.internal.ApplicationViews.ApplicationSummary;
import org.yiyang.application.internal.ApplicationViews.ApplicationView;
import org.yiyang.application.internal.ApplicationViews.AttachmentView;
import org.yiyang.application.internal.ApplicationViews.NewApplication;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.person.Consents;
import org.yiyang.person.PersonRegistry;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * Taking applications and reading them: a submission checks the channel (family and agents need the elder's recorded
 * consent), the items (each with a checklist in the rules and in the service list in force) and open applications for
 * the same items, stores the eligibility answered at intake and opens the first check with its due date. Reads,
 * worklists and attachments are scoped to the actor's jurisdiction in SQL and audited with ids only.
 */
@Service
public class Applications {
    static final String ATTACHMENT = "application.attachment";
    private static final Role[] CASE_WORKERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    private static final int MAX_PAGE = 100;

    private final ApplicationStore store;
    private final ApplicationRules rules;
    private final Deadlines deadlines;
    private final ApplicationViewer viewer;
    private final PersonRegistry persons;
    private final Consents consents;
    private final org.yiyang.person.CitizenScope citizens;
    private final Eligibility eligibility;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Applications(ApplicationStore store, ApplicationRules rules, Deadlines deadlines, ApplicationViewer viewer,
                 PersonRegistry persons, Consents consents, org.yiyang.person.CitizenScope citizens,
                 Eligibility eligibility, Regions regions, PersonalDataCipher cipher, AuditTrail audit,
                 JdbcClient jdbc, Clock clock) {
        this.citizens = citizens;
        this.store = store;
        this.rules = rules;
        this.deadlines = deadlines;
        this.viewer = viewer;
        this.persons = persons;
        this.consents = consents;
        this.eligibility = eligibility;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes an application for a resident within the actor's jurisdiction. {@link InvalidInput} with every problem
     * (nothing stored), {@link NotFound} outside the jurisdiction, {@link Conflict} {@code OPEN_APPLICATION_EXISTS}
     * when an open application already asks for one of the items.
     */
    @Transactional
    public UUID submit(NewApplication request, Actor actor) {
        actor.require(CASE_WORKERS);
        var problems = new InvalidInput.Collector();
        if (request.personId() == null) {
            problems.add("personId", "REQUIRED");
        }
        Channel channel = null;
        if (request.channel() == null || request.channel().isBlank()) {
            problems.add("channel", "REQUIRED");
        } else {
            try {
                channel = Channel.valueOf(request.channel().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("channel", "UNKNOWN_CHANNEL");
            }
        }
        List<String> items = request.items() == null ? List.of() : request.items();
        LocalDate today = BusinessZone.today(clock);
        checkItems(items, viewer.itemsInForce(today, actor), problems);
        problems.throwIfAny();
        var person = persons.find(request.personId(), actor); // NotFound outside the jurisdiction
        if (person.deathDate() != null) {
            problems.add("personId", "PERSON_DECEASED");
        }
        if (channel.needsAgentConsent() && !consents.holds(person.id(), Consents.Scope.AGENT, today)) {
            problems.add("channel", "AGENT_CONSENT_MISSING");
        }
        problems.throwIfAny();
        EligibilityAnswer answer = eligibility.evaluatePerson(person.id(), today, "zh-CN", actor);
        return take(person.id(), person.residenceRegion().code(), channel, items, answer, today, actor);
    }

    /**
     * A citizen's own online application (ADR 0008): for themselves (ONLINE_SELF) or for a person who authorised them
     * (ONLINE_FAMILY for a family member, ONLINE_AGENT for another agent, the authority being the person's AGENT
     * consent), found through {@code citizen_scope} in SQL —
     * {@link NotFound} for anyone else. The same checks and the same workflow as at the street office.
     */
    @Transactional
    public UUID submitOnline(UUID personId, List<String> requested, Actor actor) {
        actor.require(Role.CITIZEN);
        var scoped = citizens.find(personId, actor); // NotFound outside the citizen's scope
        LocalDate today = BusinessZone.today(clock);
        EligibilityAnswer answer = eligibility.evaluateForCitizen(personId, today, "zh-CN", actor);
        Set<String> inForce = new HashSet<>();
        answer.items().forEach(a -> inForce.add(a.item()));
        List<String> items = requested == null ? List.of() : requested;
        var problems = new InvalidInput.Collector();
        checkItems(items, inForce, problems);
        if (scoped.person().deathDate() != null) {
            problems.add("personId", "PERSON_DECEASED");
        }
        problems.throwIfAny();
        Channel channel = scoped.self() ? Channel.ONLINE_SELF
                : scoped.relation() == Consents.Relation.FAMILY ? Channel.ONLINE_FAMILY : Channel.ONLINE_AGENT;
        return take(personId, scoped.person().residenceRegion().code(), channel, items, answer, today, actor);
    }

    private void checkItems(List<String> items, Set<String> inForce, InvalidInput.Collector problems) {
        if (items.isEmpty()) {
            problems.add("items", "REQUIRED");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null || rules.item(item).isEmpty() || !inForce.contains(item)) {
                problems.add("items[" + i + "]", "ITEM_NOT_APPLICABLE");
            } else if (!seen.add(item)) {
                problems.add("items[" + i + "]", "DUPLICATE_ITEM");
            }
        }
    }

    /** Stores a checked application and opens its first step. */
    private UUID take(UUID personId, String residenceRegion, Channel channel, List<String> items,
                      EligibilityAnswer answer, LocalDate today, Actor actor) {
        List<String> open = store.openItems(personId, items);
        if (!open.isEmpty()) {
            throw new Conflict("OPEN_APPLICATION_EXISTS", Map.of("items", open));
        }
        String path = regions.pathOf(residenceRegion)
                .orElseThrow(() -> new IllegalStateException("the person's residence region is unknown"));
        Map<String, Boolean> eligible = new HashMap<>();
        answer.items().forEach(a -> eligible.put(a.item(), a.eligible()));
        UUID id = UUID.randomUUID();
        store.insert(id, personId, path, channel, today, actor.userId(), clock.instant(),
                deadlines.firstCheck(today));
        for (String item : items) {
            store.insertItem(id, item, eligible.get(item));
        }
        store.openStep(id, ApplicationStatus.FIRST_CHECK, today, deadlines.firstCheck(today));
        audit.record(AuditEvent.success("APPLICATION_SUBMITTED", actor, "application", id)
                .withDetails(Map.of("channel", channel.name(), "items", String.join(",", items))));
        return id;
    }

    /** One application within the actor's jurisdiction (404 otherwise), with its steps, notice and grants. */
    @Transactional
    public ApplicationView find(UUID id, String language, Actor actor) {
        actor.require(CASE_WORKERS);
        var row = load(id, actor);
        audit.record(AuditEvent.success("APPLICATION_READ", actor, "application", id));
        return viewer.view(row, language, actor);
    }

    /**
     * The actor's worklist, by due date: street workers the first checks and review requests to take, district
     * officers verifications, decisions and reviews; district and city officers also every overdue step below them.
     */
    @Transactional(readOnly = true)
    public List<ApplicationSummary> worklist(Actor actor) {
        actor.require(CASE_WORKERS);
        List<String> statuses = new ArrayList<>();
        if (actor.has(Role.STREET_WORKER)) {
            statuses.add(ApplicationStatus.FIRST_CHECK.name());
        }
        if (actor.has(Role.DISTRICT_OFFICER)) {
            statuses.addAll(List.of(ApplicationStatus.VERIFICATION.name(), ApplicationStatus.DECISION.name(),
                    ApplicationStatus.UNDER_REVIEW.name()));
        }
        if (statuses.isEmpty()) {
            statuses.add("-");
        }
        boolean supervisor = actor.hasAny(Role.DISTRICT_OFFICER, Role.CITY_OFFICER);
        return summaries(store.list(actor.jurisdictionPath(), statuses, supervisor, BusinessZone.today(clock),
                MAX_PAGE, 0));
    }

    /** Applications in the actor's jurisdiction, optionally of one status, by due date; a page at a time. */
    @Transactional(readOnly = true)
    public List<ApplicationSummary> list(@Nullable String status, int page, int size, Actor actor) {
        actor.require(CASE_WORKERS);
        var problems = new InvalidInput.Collector();
        List<String> statuses = new ArrayList<>();
        if (status == null || status.isBlank()) {
            for (ApplicationStatus s : ApplicationStatus.values()) {
                statuses.add(s.name());
            }
        } else {
            try {
                statuses.add(ApplicationStatus.valueOf(status.strip()).name());
            } catch (IllegalArgumentException e) {
                problems.add("status", "UNKNOWN_STATUS");
            }
        }
        if (page < 0) {
            problems.add("page", "PAGE_NUMBER");
        }
        if (size < 1 || size > MAX_PAGE) {
            problems.add("size", "PAGE_SIZE", MAX_PAGE);
        }
        problems.throwIfAny();
        return summaries(store.list(actor.jurisdictionPath(), statuses, false, BusinessZone.today(clock), size,
                (long) page * size));
    }

    /**
     * Stores an attachment for a material of the application's checklist: type from an allowed list and matching
     * the content's signature, size within the limit; the content is encrypted. Audited with the material only.
     */
    @Transactional
    public AttachmentView attach(UUID id, @Nullable String material, @Nullable String contentType, byte[] content,
                                 Actor actor) {
        actor.require(CASE_WORKERS);
        var row = load(id, actor);
        var problems = new InvalidInput.Collector();
        List<String> checklist = rules.checklist(store.items(id), row.channel());
        if (material == null || !checklist.contains(material)) {
            problems.add("material", "NOT_ON_CHECKLIST");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!rules.contentTypes().contains(type)) {
            problems.add("contentType", "CONTENT_TYPE_NOT_ALLOWED");
        } else if (!AttachmentSignatures.matches(type, content)) {
            problems.add("content", "CONTENT_DOES_NOT_MATCH_TYPE");
        }
        if (content.length == 0) {
            problems.add("content", "REQUIRED");
        } else if (content.length > rules.maxAttachmentBytes()) {
            problems.add("content", "ATTACHMENT_TOO_LARGE", rules.maxAttachmentBytes());
        }
        problems.throwIfAny();
        UUID attachmentId = UUID.randomUUID();
        String sha = sha256(content);
        store.insertAttachment(attachmentId, id, material, type, content.length, sha,
                cipher.encrypt(Base64.getEncoder().encodeToString(content), ATTACHMENT), actor.userId(),
                clock.instant());
        audit.record(AuditEvent.success("APPLICATION_ATTACHMENT_STORED", actor, "application", id)
                .withDetails(Map.of("attachment", attachmentId.toString(), "material", material)));
        return store.attachments(id).stream().filter(a -> a.id().equals(attachmentId))
                .map(a -> new AttachmentView(a.id(), a.materialCode(), a.contentType(), a.sizeBytes(), a.sha256(),
                        a.uploadedAt()))
                .findFirst().orElseThrow();
    }

    /** An attachment's type and content (decrypted); 404 outside the jurisdiction. The read is audited. */
    @Transactional
    public StoredAttachment attachment(UUID id, UUID attachmentId, Actor actor) {
        actor.require(CASE_WORKERS);
        load(id, actor);
        var content = store.attachmentContent(id, attachmentId).orElseThrow(() -> new NotFound("attachment"));
        audit.record(AuditEvent.success("APPLICATION_ATTACHMENT_READ", actor, "application", id)
                .withDetails(Map.of("attachment", attachmentId.toString())));
        return new StoredAttachment(content.contentType(),
                Base64.getDecoder().decode(cipher.decrypt(content.contentEnc(), ATTACHMENT)));
    }

    /** An attachment's content, to be sent to the reader. */
    public record StoredAttachment(String contentType, byte[] content) {
        @Override
        public String toString() {
            return "StoredAttachment[" + contentType + ", " + content.length + " bytes]";
        }
    }

    private List<ApplicationSummary> summaries(List<ApplicationStore.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select person_id, name from person_fact where person_id in (:ids)")
                .param("ids", rows.stream().map(ApplicationStore.Row::personId).toList())
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        LocalDate today = BusinessZone.today(clock);
        return rows.stream().map(r -> new ApplicationSummary(r.id(), r.personId(),
                names.getOrDefault(r.personId(), ""), r.status().name(), r.submittedOn(), r.dueOn(),
                r.dueApproximate(), r.dueOn() != null && r.dueOn().isBefore(today), store.items(r.id()))).toList();
    }

    private ApplicationStore.Row load(UUID id, Actor actor) {
        return store.findWithin(id, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("application"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
