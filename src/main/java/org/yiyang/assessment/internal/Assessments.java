package org.yiyang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.assessment.AssessmentCompleted;
import org.yiyang.assessment.AssessmentExpired;
import org.yiyang.assessment.CareLevel;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.person.PersonRegistry;
import org.yiyang.region.Regions;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessor workflow: request → assignment of two assessors → draft (partial) → submission (complete, scored on
 * the server) → signature by each assigned assessor → effective for the instrument's validity. An override of the
 * computed level needs a reason and clears the signatures, so it takes effect only when both assessors sign again. A
 * review (复评) must be assigned to assessors other than the original ones. Every read and change is scoped to the
 * actor's jurisdiction and audited with ids only.
 */
@Service
public class Assessments {
    static final String ANSWERS = "assessment.answers";
    static final String OVERRIDE_REASON = "assessment.override-reason";
    private static final Role[] REQUESTERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AssessmentStore store;
    private final AssessmentScoring scoring;
    private final InstrumentCatalog catalog;
    private final PersonRegistry persons;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(AssessmentStore store, AssessmentScoring scoring, InstrumentCatalog catalog, PersonRegistry persons, Regions regions,
                PersonalDataCipher cipher, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.scoring = scoring;
        this.catalog = catalog;
        this.persons = persons;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Requests an assessment of a resident within the actor's jurisdiction; a review names the assessment reviewed. */
    @Transactional
    public UUID request(UUID personId, @Nullable String reason, @Nullable UUID reviewOf, @Nullable String instrument,
                        Actor actor) {
        actor.require(REQUESTERS);
        AssessmentReason why = reason(reason);
        Instrument used = scoring.instrument(instrument == null ? "GBT42195-2022" : instrument);
        if (why == AssessmentReason.REVIEW) {
            if (reviewOf == null) {
                throw InvalidInput.of("reviewOf", "REVIEW_NEEDS_ORIGINAL");
            }
            var original = store.findWithin(reviewOf, actor.jurisdictionPath())
                    .orElseThrow(() -> new NotFound("assessment"));
            if (!original.personId().equals(personId)) {
                throw InvalidInput.of("reviewOf", "REVIEW_NEEDS_ORIGINAL");
            }
        } else if (reviewOf != null) {
            throw InvalidInput.of("reviewOf", "REVIEW_NEEDS_ORIGINAL");
        }
        var person = persons.find(personId, actor); // NotFound outside the jurisdiction
        String path = regions.pathOf(person.residenceRegion().code())
                .orElseThrow(() -> new IllegalStateException("the person's residence region is unknown"));
        UUID id = UUID.randomUUID();
        store.insert(id, personId, path, used.code(), why, reviewOf, actor.userId(), clock.instant());
        audit.record(AuditEvent.success("ASSESSMENT_REQUESTED", actor, "assessment", id));
        return id;
    }

    /** Assigns two different assessors; for a review, neither may be an assessor of the original. */
    @Transactional
    public void assign(UUID id, List<UUID> assessors, Actor actor) {
        actor.require(REQUESTERS);
        var a = load(id, actor);
        requireStatus(a, AssessmentStatus.REQUESTED, AssessmentStatus.ASSIGNED);
        if (assessors.size() != 2 || assessors.get(0).equals(assessors.get(1))) {
            throw InvalidInput.of("assessors", "TWO_DIFFERENT_ASSESSORS");
        }
        if (a.reviewOf() != null) {
            var original = store.findWithin(a.reviewOf(), actor.jurisdictionPath())
                    .orElseThrow(() -> new NotFound("assessment"));
            if (assessors.stream().anyMatch(original::assigned)) {
                throw InvalidInput.of("assessors", "REVIEWERS_MUST_DIFFER");
            }
        }
        store.assign(id, assessors.get(0), assessors.get(1));
        audit.record(AuditEvent.success("ASSESSMENT_ASSIGNED", actor, "assessment", id));
    }

    /** Saves answers so far (missing items allowed); every given answer is checked. */
    @Transactional
    public ScoreResult saveDraft(UUID id, ScoringInput input, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT);
        ScoringInput partial = new ScoringInput(input.answers(), input.coma(), input.diagnoses(),
                input.riskEvents30d(), true);
        ScoreResult result = scoring.score(a.instrument(), partial);
        store.saveDraft(id, seal(partial), result.total());
        audit.record(AuditEvent.success("ASSESSMENT_DRAFT_SAVED", actor, "assessment", id));
        return result;
    }

    /** Submits complete answers; the server scores them. Signatures given before are cleared. */
    @Transactional
    public ScoreResult submit(UUID id, ScoringInput input, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED);
        ScoringInput complete = new ScoringInput(input.answers(), input.coma(), input.diagnoses(),
                input.riskEvents30d(), false);
        ScoreResult result = scoring.score(a.instrument(), complete);
        if (result.finalLevel() == null) {
            throw new Conflict("LEVEL_ENTERED_BY_ASSESSOR", Map.of("assessmentId", id)); // LTC 2021: not built yet
        }
        store.submit(id, seal(complete), result.total(), result.preliminaryLevel().number(),
                result.finalLevel().number(), clock.instant());
        audit.record(AuditEvent.success("ASSESSMENT_SUBMITTED", actor, "assessment", id));
        return result;
    }

    /** Overrides the computed level with a reason; both assessors must then sign (again). Audited. */
    @Transactional
    public void override(UUID id, @Nullable Integer level, @Nullable String reason, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.SUBMITTED);
        var problems = new InvalidInput.Collector();
        if (level == null || level < 0 || level >= CareLevel.values().length) {
            problems.add("level", "NOT_A_LEVEL");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("reason", "OVERRIDE_NEEDS_REASON");
        }
        problems.throwIfAny();
        store.override(id, level, actor.userId(), cipher.encrypt(reason.strip(), OVERRIDE_REASON));
        audit.record(AuditEvent.success("ASSESSMENT_LEVEL_OVERRIDDEN", actor, "assessment", id));
    }

    /** Signs as one of the two assigned assessors; with every required signature the result becomes effective. */
    @Transactional
    public AssessmentView sign(UUID id, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.SUBMITTED);
        if (!store.sign(id, actor.userId(), clock.instant())) {
            throw new Conflict("ALREADY_SIGNED", Map.of("assessmentId", id));
        }
        audit.record(AuditEvent.success("ASSESSMENT_SIGNED", actor, "assessment", id));
        Instrument instrument = scoring.instrument(a.instrument());
        List<UUID> signed = store.signatures(id);
        boolean bothAssigned = signed.contains(a.assessor1()) && signed.contains(a.assessor2());
        if (bothAssigned && signed.size() >= instrument.assessorsRequired()) {
            LocalDate from = BusinessZone.today(clock);
            LocalDate to = from.plusMonths(instrument.validityMonths()).minusDays(1);
            store.makeEffective(id, a.personId(), from, to, clock.instant());
            audit.record(AuditEvent.success("ASSESSMENT_EFFECTIVE", actor, "assessment", id));
            events.publishEvent(new AssessmentCompleted(id, a.personId()));
        }
        return view(load(id, actor));
    }

    /** One assessment within the actor's jurisdiction (404 otherwise); the read is audited. */
    @Transactional
    public AssessmentView find(UUID id, Actor actor) {
        actor.require(Role.ASSESSOR, Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER);
        var a = load(id, actor);
        audit.record(AuditEvent.success("ASSESSMENT_READ", actor, "assessment", id));
        return view(a);
    }

    /**
     * The report of one assessment (C.1–C.5): the view, the scoring recomputed from the stored (decrypted) answers
     * with every level change and its reason, and the override's reason. Audited as a read.
     */
    @Transactional
    public Report report(UUID id, Actor actor) {
        actor.require(Role.ASSESSOR, Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER);
        var a = load(id, actor);
        audit.record(AuditEvent.success("ASSESSMENT_READ", actor, "assessment", id));
        ScoreResult scored = null;
        if (a.answersEnc() != null) {
            scored = scoring.score(a.instrument(), unseal(a.answersEnc(),
                    a.status() == AssessmentStatus.DRAFT));
        }
        String reason = a.overrideReasonEnc() == null ? null : cipher.decrypt(a.overrideReasonEnc(), OVERRIDE_REASON);
        return new Report(view(a), scored, reason);
    }

    /** An assessment's report: its view, the recomputed scoring (null before any answers) and the override reason. */
    public record Report(AssessmentView assessment, @Nullable ScoreResult scoring, @Nullable String overrideReason) {
        @Override
        public String toString() {
            return "Report[" + assessment.id() + "]";
        }
    }

    /** The assessments waiting for this assessor. */
    @Transactional
    public List<AssessmentView> worklist(Actor actor) {
        actor.require(Role.ASSESSOR);
        return store.worklist(actor.userId(), actor.jurisdictionPath()).stream().map(this::view).toList();
    }

    /** Marks results past their last valid day as expired and announces each (a daily system job). */
    @Transactional
    public int expireBefore(LocalDate today) {
        var expired = store.expireBefore(today);
        for (var a : expired) {
            audit.record(AuditEvent.success("ASSESSMENT_EXPIRED", null, "assessment", a.id()));
            events.publishEvent(new AssessmentExpired(a.id(), a.personId()));
        }
        return expired.size();
    }

    /**
     * Requests a routine reassessment (常规评估) for every effective result that ends within the instrument's notice
     * period (30 days) and has no open assessment yet (a daily system job). The request keeps the residence path of
     * the result it follows.
     */
    @Transactional
    public int requestRoutineReassessments(LocalDate today) {
        int requested = 0;
        for (Instrument instrument : catalog.all()) {
            for (var due : store.dueForRoutine(instrument.code(), today, instrument.reassessmentNoticeDays())) {
                UUID id = UUID.randomUUID();
                store.insert(id, due.personId(), due.residencePath(), instrument.code(), AssessmentReason.ROUTINE,
                        null, null, clock.instant());
                audit.record(AuditEvent.success("ASSESSMENT_REQUESTED", null, "assessment", id));
                requested++;
            }
        }
        return requested;
    }

    /** A person's assessments, newest first, within the actor's jurisdiction; audited against the person. */
    @Transactional
    public List<AssessmentView> history(UUID personId, Actor actor) {
        actor.require(Role.ASSESSOR, Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER);
        var rows = store.history(personId, actor.jurisdictionPath());
        audit.record(AuditEvent.success("ASSESSMENT_HISTORY_READ", actor, "person", personId));
        return rows.stream().map(this::view).toList();
    }

    private AssessmentView view(AssessmentStore.Row a) {
        return new AssessmentView(a.id(), a.personId(), a.instrument(), a.reason().name(), a.status().name(),
                a.reviewOf(), a.assessor1(), a.assessor2(), a.total(), a.computedLevel(), a.finalLevel(),
                a.overriddenBy() != null, store.signatures(a.id()), a.validFrom(), a.validTo());
    }

    private AssessmentStore.Row load(UUID id, Actor actor) {
        return store.findWithin(id, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("assessment"));
    }

    private AssessmentStore.Row loadForAssessor(UUID id, Actor actor) {
        actor.require(Role.ASSESSOR);
        var a = load(id, actor);
        if (!a.assigned(actor.userId())) {
            throw new AccessRefused("NOT_ASSIGNED");
        }
        return a;
    }

    private static void requireStatus(AssessmentStore.Row a, AssessmentStatus... allowed) {
        for (AssessmentStatus s : allowed) {
            if (a.status() == s) {
                return;
            }
        }
        throw new Conflict("WRONG_STATUS", Map.of("status", a.status().name()));
    }

    private static AssessmentReason reason(@Nullable String raw) {
        try {
            return AssessmentReason.valueOf(String.valueOf(raw));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("reason", "UNKNOWN_REASON");
        }
    }

    @SuppressWarnings("unchecked")
    private ScoringInput unseal(byte[] sealed, boolean partial) {
        Map<String, Object> doc = JSON.readValue(cipher.decrypt(sealed, ANSWERS), Map.class);
        Map<String, Integer> answers = new LinkedHashMap<>();
        ((Map<String, Object>) doc.get("answers")).forEach((k, v) -> answers.put(k, ((Number) v).intValue()));
        Map<String, Integer> risks = new LinkedHashMap<>();
        ((Map<String, Object>) doc.get("riskEvents30d")).forEach((k, v) -> risks.put(k, ((Number) v).intValue()));
        List<ScoringInput.Diagnosis> diagnoses = ((List<Map<String, Object>>) doc.get("diagnoses")).stream()
                .map(d -> new ScoringInput.Diagnosis((String) d.get("code"), Boolean.TRUE.equals(d.get("byPsychiatrist"))))
                .toList();
        return new ScoringInput(answers, Boolean.TRUE.equals(doc.get("coma")), diagnoses, risks, partial);
    }

    private byte[] seal(ScoringInput input) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("answers", input.answers());
        doc.put("coma", input.coma());
        doc.put("diagnoses", input.diagnoses().stream()
                .map(d -> Map.of("code", String.valueOf(d.code()), "byPsychiatrist", d.byPsychiatrist())).toList());
        doc.put("riskEvents30d", input.riskEvents30d());
        return cipher.encrypt(JSON.writeValueAsString(doc), ANSWERS);
    }

    /** An assessment as the API shows it: scores and levels, never the answers or the override's reason. */
    public record AssessmentView(UUID id, UUID personId, String instrument, String reason, String status,
                                 @Nullable UUID reviewOf, @Nullable UUID assessor1, @Nullable UUID assessor2,
                                 @Nullable Integer total, @Nullable Integer computedLevel,
                                 @Nullable Integer finalLevel, boolean overridden, List<UUID> signedBy,
                                 @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    }
}
