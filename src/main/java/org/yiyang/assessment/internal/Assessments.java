package org.yiyang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
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
import org.yiyang.person.ProviderClients;
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
    /** The instrument whose levels are the shared care-needs result (and the default of a request). */
    static final String CARE_NEEDS_INSTRUMENT = "GBT42195-2022";
    static final String OVERRIDE_REASON = "assessment.override-reason";
    static final String VISIT = "assessment.visit";
    private static final Role[] REQUESTERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AssessmentStore store;
    private final AgencyStore agencies;
    private final ProviderClients providerClients;
    private final AssessmentScoring scoring;
    private final InstrumentCatalog catalog;
    private final PersonRegistry persons;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(AssessmentStore store, AgencyStore agencies, AssessmentScoring scoring, InstrumentCatalog catalog,
                PersonRegistry persons, ProviderClients providerClients, Regions regions, PersonalDataCipher cipher,
                AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.providerClients = providerClients;
        this.agencies = agencies;
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
        return request(personId, reason, reviewOf, instrument, null, actor);
    }

    /**
     * Requests an assessment; an IMMEDIATE request (即时评估) names its typed cause ({@link org.yiyang.assessment.ImmediateCause}), other
     * reasons name none. A review names the assessment reviewed.
     */
    @Transactional
    public UUID request(UUID personId, @Nullable String reason, @Nullable UUID reviewOf, @Nullable String instrument,
                        @Nullable String cause, Actor actor) {
        actor.require(REQUESTERS);
        AssessmentReason why = reason(reason);
        Instrument used = scoring.instrument(instrument == null ? CARE_NEEDS_INSTRUMENT : instrument);
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
        org.yiyang.assessment.ImmediateCause typed = null;
        if (why == AssessmentReason.IMMEDIATE) {
            typed = org.yiyang.assessment.ImmediateCause.parse(cause)
                    .orElseThrow(() -> InvalidInput.of("cause", "IMMEDIATE_NEEDS_CAUSE"));
        } else if (cause != null) {
            throw InvalidInput.of("cause", "CAUSE_ONLY_FOR_IMMEDIATE");
        }
        var person = persons.find(personId, actor); // NotFound outside the jurisdiction
        String path = regions.pathOf(person.residenceRegion().code())
                .orElseThrow(() -> new IllegalStateException("the person's residence region is unknown"));
        UUID id = UUID.randomUUID();
        store.insert(id, personId, path, used.code(), why, reviewOf, typed == null ? null : typed.name(),
                actor.userId(), clock.instant());
        audit.record(AuditEvent.success("ASSESSMENT_REQUESTED", actor, "assessment", id));
        return id;
    }

    /**
     * An immediate reassessment asked for by another module (e.g. home care after repeated fall alerts): joins the
     * person's open assessment if there is one, else requests a new one in the residence of the person's latest
     * assessment. {@link NotFound} for a person never assessed (there is nothing to reassess).
     */
    @Transactional
    UUID requestImmediateBySystem(UUID personId, org.yiyang.assessment.ImmediateCause cause, String requestedBy) {
        var open = store.openAnywhere(personId, CARE_NEEDS_INSTRUMENT);
        if (open.isPresent()) {
            audit.record(AuditEvent.success("ASSESSMENT_IMMEDIATE_JOINED", null, "assessment", open.get())
                    .withDetails(Map.of("cause", cause.name(), "requestedBy", requestedBy)));
            return open.get();
        }
        String path = store.lastResidencePath(personId).orElseThrow(() -> new NotFound("assessment"));
        UUID id = UUID.randomUUID();
        store.insert(id, personId, path, CARE_NEEDS_INSTRUMENT, AssessmentReason.IMMEDIATE, null, cause.name(), null,
                clock.instant());
        audit.record(AuditEvent.success("ASSESSMENT_REQUESTED", null, "assessment", id)
                .withDetails(Map.of("cause", cause.name(), "requestedBy", requestedBy)));
        return id;
    }

    /**
     * Records the visit (time, place, who was present) as evidence, by an assigned assessor; a submission needs it.
     * Recorded again, it replaces the earlier record. Audited.
     */
    @Transactional
    public void recordVisit(UUID id, Visit visit, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT);
        visit.check(clock.instant());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("place", visit.place());
        doc.put("placeNote", visit.placeNote() == null ? "" : visit.placeNote().strip());
        doc.put("present", visit.present().stream()
                .map(p -> Map.of("name", p.name().strip(), "role", p.role())).toList());
        store.recordVisit(id, visit.at(), cipher.encrypt(JSON.writeValueAsString(doc), VISIT));
        audit.record(AuditEvent.success("ASSESSMENT_VISIT_RECORDED", actor, "assessment", id));
    }

    /**
     * Assigns an assessment agency and two different assessors of it, both qualified on the day; for a review, neither
     * may be an assessor of the original. 回避: an assessor may not assess a declared relative, nor a person served by
     * the provider that employs the assessor: served on the day as the person module knows it ({@link ProviderClients},
     * e.g. LTC care under that provider), or declared as serving with the assignment. A refusal
     * changes nothing and is audited (the refusal's audit row is kept: the transaction is not rolled back for it).
     */
    @Transactional(noRollbackFor = {InvalidInput.class, Conflict.class})
    public void assign(UUID id, @Nullable UUID agencyId, List<UUID> assessors, @Nullable List<UUID> servingProviders,
                       Actor actor) {
        actor.require(REQUESTERS);
        var a = load(id, actor);
        requireStatus(a, AssessmentStatus.REQUESTED, AssessmentStatus.ASSIGNED);
        LocalDate today = BusinessZone.today(clock);
        var problems = new InvalidInput.Collector();
        if (assessors.size() != 2 || assessors.stream().anyMatch(java.util.Objects::isNull)
                || assessors.get(0).equals(assessors.get(1))) {
            problems.add("assessors", "TWO_DIFFERENT_ASSESSORS");
        }
        if (agencyId == null) {
            problems.add("agencyId", "REQUIRED");
        } else if (agencies.visible(agencyId, actor.jurisdictionPath()).isEmpty()) {
            problems.add("agencyId", "UNKNOWN_AGENCY");
        } else if (!agencies.serves(agencyId, a.residencePath())) {
            problems.add("agencyId", "AGENCY_NOT_FOR_REGION");
        }
        List<AgencyStore.Assessor> registered = new java.util.ArrayList<>();
        for (int i = 0; i < assessors.size() && i < 2; i++) {
            UUID user = assessors.get(i);
            var assessor = user == null ? java.util.Optional.<AgencyStore.Assessor>empty() : agencies.assessor(user);
            if (assessor.isEmpty() || agencyId == null || !assessor.get().agencyId().equals(agencyId)) {
                problems.add("assessors[" + i + "]", "ASSESSOR_NOT_OF_AGENCY");
            } else if (!assessor.get().qualifiedOn(today)) {
                problems.add("assessors[" + i + "]", "ASSESSOR_NOT_QUALIFIED");
            } else {
                registered.add(assessor.get());
            }
        }
        Set<UUID> providers = new LinkedHashSet<>();
        if (servingProviders != null) {
            for (int i = 0; i < servingProviders.size(); i++) {
                if (servingProviders.get(i) == null) {
                    problems.add("servingProviders[" + i + "]", "REQUIRED");
                } else {
                    providers.add(servingProviders.get(i));
                }
            }
        }
        if (a.reviewOf() != null) {
            var original = store.findWithin(a.reviewOf(), actor.jurisdictionPath())
                    .orElseThrow(() -> new NotFound("assessment"));
            if (assessors.stream().anyMatch(u -> u != null && original.assigned(u))) {
                problems.add("assessors", "REVIEWERS_MUST_DIFFER");
            }
        }
        if (!problems.isEmpty()) {
            audit.record(AuditEvent.failure("ASSESSMENT_ASSIGNMENT_REFUSED", actor, problems.problems().get(0).code())
                    .withObject("assessment", id));
            problems.throwIfAny();
        }
        for (AgencyStore.Assessor assessor : registered) {
            String ground = null;
            if (agencies.isRelative(assessor.userId(), a.personId())) {
                ground = "RECUSAL_RELATIVE";
            } else if (assessor.employerProviderId() != null && (providers.contains(assessor.employerProviderId())
                    || providerClients.serves(assessor.employerProviderId(), a.personId(), today))) {
                ground = "RECUSAL_EMPLOYER_SERVES_PERSON";
            }
            if (ground != null) {
                audit.record(AuditEvent.failure("ASSESSMENT_ASSIGNMENT_REFUSED", actor, ground)
                        .withObject("assessment", id).withDetails(Map.of("assessorId", assessor.userId().toString())));
                throw new Conflict(ground, Map.of("assessmentId", id, "assessorId", assessor.userId()));
            }
        }
        store.assign(id, agencyId, assessors.get(0), assessors.get(1), providers);
        audit.record(AuditEvent.success("ASSESSMENT_ASSIGNED", actor, "assessment", id));
    }

    /** Saves answers so far (missing items allowed) with the Appendix A data so far; every given value is checked. */
    @Transactional
    public ScoreResult saveDraft(UUID id, ScoringInput input, AppendixA appendix, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT);
        ScoringInput partial = new ScoringInput(input.answers(), input.coma(), input.diagnoses(),
                input.riskEvents30d(), true);
        ScoreResult result = scoreWithAppendix(a.instrument(), partial, appendix, null, false);
        store.saveDraft(id, seal(partial, appendix), result.total());
        audit.record(AuditEvent.success("ASSESSMENT_DRAFT_SAVED", actor, "assessment", id));
        return result;
    }

    /**
     * Submits complete answers with the Appendix A data; the server scores them. The visit must have been recorded.
     * For an instrument whose grade the assessor enters (the 2021 LTC scale) the grade is required and recorded with
     * the items. Signatures given before are cleared.
     */
    @Transactional
    public ScoreResult submit(UUID id, ScoringInput input, AppendixA appendix, @Nullable Integer enteredGrade,
                              Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED);
        ScoringInput complete = new ScoringInput(input.answers(), input.coma(), input.diagnoses(),
                input.riskEvents30d(), false);
        Instrument instrument = scoring.instrument(a.instrument());
        ScoreResult result = scoreWithAppendix(a.instrument(), complete, appendix, enteredGrade, true);
        if (a.visitEnc() == null) {
            throw new Conflict("VISIT_NOT_RECORDED", Map.of("assessmentId", id));
        }
        if (instrument.computesLevels()) {
            store.submit(id, seal(complete, appendix), result.total(), result.preliminaryLevel().number(),
                    result.finalLevel().number(), null, clock.instant());
        } else {
            store.submit(id, seal(complete, appendix), result.total(), null, null, enteredGrade, clock.instant());
        }
        audit.record(AuditEvent.success("ASSESSMENT_SUBMITTED", actor, "assessment", id));
        return result;
    }

    /** Scores and checks the appendix (and an entered grade), throwing every problem of both together. */
    private ScoreResult scoreWithAppendix(String instrumentCode, ScoringInput input, AppendixA appendix,
                                          @Nullable Integer enteredGrade, boolean submission) {
        Instrument instrument = scoring.instrument(instrumentCode);
        List<org.yiyang.shared.FieldProblem> problems = new java.util.ArrayList<>();
        ScoreResult result = null;
        try {
            result = scoring.score(instrumentCode, input);
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        problems.addAll(appendix.problems());
        if (submission && !instrument.computesLevels()
                && (enteredGrade == null || instrument.level(enteredGrade).isEmpty())) {
            problems.add(org.yiyang.shared.FieldProblem.of("enteredGrade", "GRADE_REQUIRED"));
        } else if (submission && instrument.computesLevels() && enteredGrade != null) {
            problems.add(org.yiyang.shared.FieldProblem.of("enteredGrade", "GRADE_IS_COMPUTED"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return result;
    }

    /** Overrides the computed level with a reason; both assessors must then sign (again). Audited. */
    @Transactional
    public void override(UUID id, @Nullable Integer level, @Nullable String reason, Actor actor) {
        var a = loadForAssessor(id, actor);
        requireStatus(a, AssessmentStatus.SUBMITTED);
        if (!scoring.instrument(a.instrument()).computesLevels()) {
            throw new Conflict("LEVEL_ENTERED_BY_ASSESSOR", Map.of("assessmentId", id)); // submit another grade instead
        }
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
            if (instrument.computesLevels()) { // an entered LTC 2021 grade is no care-needs result: nothing to announce
                events.publishEvent(new AssessmentCompleted(id, a.personId()));
            }
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
    @SuppressWarnings("unchecked")
    public Report report(UUID id, Actor actor) {
        actor.require(Role.ASSESSOR, Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER);
        var a = load(id, actor);
        audit.record(AuditEvent.success("ASSESSMENT_READ", actor, "assessment", id));
        ScoreResult scored = null;
        AppendixA appendix = AppendixA.empty();
        if (a.answersEnc() != null) {
            Map<String, Object> doc = document(a.answersEnc());
            scored = scoring.score(a.instrument(), unseal(doc, a.status() == AssessmentStatus.DRAFT));
            appendix = AppendixA.of(doc.get("appendix"));
        }
        String reason = a.overrideReasonEnc() == null ? null : cipher.decrypt(a.overrideReasonEnc(), OVERRIDE_REASON);
        Visit visit = null;
        if (a.visitEnc() != null) {
            Map<String, Object> v = JSON.readValue(cipher.decrypt(a.visitEnc(), VISIT), Map.class);
            List<Visit.Present> present = ((List<Map<String, Object>>) v.get("present")).stream()
                    .map(p -> new Visit.Present((String) p.get("name"), (String) p.get("role"))).toList();
            visit = new Visit(a.visitedAt(), (String) v.get("place"), (String) v.get("placeNote"), present);
        }
        ScoringInput inputs = a.answersEnc() == null ? null
                : unseal(document(a.answersEnc()), true);
        return new Report(view(a), scored, reason, appendix, visit, inputs);
    }

    /**
     * An assessment's report: its view, the recomputed scoring (null before any answers), the override reason, the
     * Appendix A data, the visit and the recorded C.4 inputs (coma, diagnoses, risk events).
     */
    public record Report(AssessmentView assessment, @Nullable ScoreResult scoring, @Nullable String overrideReason,
                         AppendixA appendix, @Nullable Visit visit, @Nullable ScoringInput inputs) {
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
            if (scoring.instrument(a.instrument()).computesLevels()) {
                events.publishEvent(new AssessmentExpired(a.id(), a.personId()));
            }
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
                a.overriddenBy() != null, store.signatures(a.id()), a.validFrom(), a.validTo(), a.agencyId(),
                a.immediateCause(), a.visitedAt(), a.enteredGrade());
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
    private Map<String, Object> document(byte[] sealed) {
        return JSON.readValue(cipher.decrypt(sealed, ANSWERS), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static ScoringInput unseal(Map<String, Object> doc, boolean partial) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        ((Map<String, Object>) doc.get("answers")).forEach((k, v) -> answers.put(k, ((Number) v).intValue()));
        Map<String, Integer> risks = new LinkedHashMap<>();
        ((Map<String, Object>) doc.get("riskEvents30d")).forEach((k, v) -> risks.put(k, ((Number) v).intValue()));
        List<ScoringInput.Diagnosis> diagnoses = ((List<Map<String, Object>>) doc.get("diagnoses")).stream()
                .map(d -> new ScoringInput.Diagnosis((String) d.get("code"), Boolean.TRUE.equals(d.get("byPsychiatrist"))))
                .toList();
        return new ScoringInput(answers, Boolean.TRUE.equals(doc.get("coma")), diagnoses, risks, partial);
    }

    private byte[] seal(ScoringInput input, AppendixA appendix) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("answers", input.answers());
        doc.put("coma", input.coma());
        doc.put("diagnoses", input.diagnoses().stream()
                .map(d -> Map.of("code", String.valueOf(d.code()), "byPsychiatrist", d.byPsychiatrist())).toList());
        doc.put("riskEvents30d", input.riskEvents30d());
        doc.put("appendix", appendix.document());
        return cipher.encrypt(JSON.writeValueAsString(doc), ANSWERS);
    }

    /** The answers so far of a draft (or submission), for the form to show again; empty before any. */
    @Transactional
    public Draft draft(UUID id, Actor actor) {
        var a = loadForAssessor(id, actor);
        if (a.answersEnc() == null) {
            return new Draft(ScoringInput.complete(Map.of()), AppendixA.empty());
        }
        Map<String, Object> doc = document(a.answersEnc());
        return new Draft(unseal(doc, true), AppendixA.of(doc.get("appendix")));
    }

    /** What the assessor has recorded so far. */
    public record Draft(ScoringInput input, AppendixA appendix) {
        @Override
        public String toString() {
            return "Draft[…]";
        }
    }

    /** An assessment as the API shows it: scores and levels, never the answers or the override's reason. */
    public record AssessmentView(UUID id, UUID personId, String instrument, String reason, String status,
                                 @Nullable UUID reviewOf, @Nullable UUID assessor1, @Nullable UUID assessor2,
                                 @Nullable Integer total, @Nullable Integer computedLevel,
                                 @Nullable Integer finalLevel, boolean overridden, List<UUID> signedBy,
                                 @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
                                 @Nullable UUID agencyId, @Nullable String immediateCause,
                                 java.time.@Nullable Instant visitedAt, @Nullable Integer enteredGrade) {
    }
}
