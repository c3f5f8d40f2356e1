package org.yiyang.eligibility.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.eligibility.EligibilityAnswer.ItemAnswer;
import org.yiyang.eligibility.EligibilityAnswer.ListVersionRef;
import org.yiyang.eligibility.EligibilityAnswer.TraceClause;
import org.yiyang.eligibility.PersonFacts;
import org.yiyang.eligibility.ServiceListVersion;
import org.yiyang.eligibility.internal.rules.Fact;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/** Eligibility from the compiled rules of the version in force: inline facts, one person, or the population. */
@Component
class EligibilityEngine implements Eligibility {
    static final Role[] CALCULATOR_USERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER,
            Role.ASSESSOR, Role.PROVIDER_STAFF, Role.LTC_OFFICER, Role.MONITOR_OPERATOR};
    static final Role[] CASE_WORKERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    private static final int MAX_PAGE_SIZE = 500;

    private final ServiceListCatalog catalog;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MessageSource messages;

    private final Clock clock;

    EligibilityEngine(ServiceListCatalog catalog, JdbcClient jdbc, AuditTrail audit, MessageSource messages,
                      Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public EligibilityAnswer evaluate(PersonFacts person, LocalDate asOf, String language, Actor actor) {
        actor.require(CALCULATOR_USERS);
        FactsValidator.check(person, asOf);
        CompiledServiceList list = listInForce(asOf);
        var standard = catalog.dibaoStandard(asOf);
        String arrangement = person.livingArrangement();
        var facts = new Facts(asOf, person.birthDate(), person.hukouRegion(), person.residenceRegion(),
                person.tags() == null ? Set.of() : Set.copyOf(person.tags()), arrangement,
                person.livingAtHome() != null ? person.livingAtHome() : Facts.livingAtHomeOf(arrangement),
                person.householdIncomePerCapitaFen(), person.careNeedsLevel(), person.ltcInsuredType(),
                standard.map(ServiceListStore.Standard::amountFen).orElse(null));
        return answer(list, facts, language, warnings(list, standard, asOf, language));
    }

    @Override
    @Transactional
    public EligibilityAnswer evaluatePerson(UUID personId, LocalDate asOf, String language, Actor actor) {
        actor.require(CASE_WORKERS);
        return evaluateWithin(FactsQuery.JURISDICTION, Map.of("jurisdiction", actor.jurisdictionPath()), personId,
                asOf, language, actor);
    }

    @Override
    @Transactional
    public EligibilityAnswer evaluateForCitizen(UUID personId, LocalDate asOf, String language, Actor actor) {
        actor.require(Role.CITIZEN);
        return evaluateWithin(FactsQuery.CITIZEN_SCOPE,
                Map.of("citizen", actor.userId(), "today", BusinessZone.today(clock)), personId, asOf, language,
                actor);
    }

    /**
     * One registered person, found within {@code scope} (the caller's jurisdiction or the citizen's scope, in SQL;
     * {@link NotFound} otherwise). A person dead or not yet born on the day is answered "no item applies".
     */
    private EligibilityAnswer evaluateWithin(String scope, Map<String, Object> scopeParams, UUID personId,
                                             LocalDate asOf, String language, Actor actor) {
        CompiledServiceList list = listInForce(asOf);
        var standard = catalog.dibaoStandard(asOf);
        Optional<Facts> facts = personFacts(personId, asOf, scope, scopeParams, standard);
        List<String> warnings = warnings(list, standard, asOf, language);
        if (facts.isEmpty()) {
            Optional<LocalDate> died = jdbc.sql("select death_date from person_fact p where p.person_id = :id and "
                            + scope)
                    .param("id", personId).params(scopeParams)
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).optional()
                    .orElseThrow(() -> new NotFound("person"));
            warnings.add(text(died.isPresent() ? "eligibility.warning.deceased" : "eligibility.warning.notYetBorn",
                    language));
        }
        audit.record(AuditEvent.success("PERSON_ELIGIBILITY_READ", actor, "person", personId));
        return facts.isPresent() ? answer(list, facts.get(), language, warnings)
                : notEligible(list, asOf, language, warnings);
    }

    @Override
    @Transactional
    public EligiblePeople eligibleFor(String itemCode, LocalDate asOf, int page, int size, Actor actor) {
        actor.require(CASE_WORKERS);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInput.of("size", "PAGE_SIZE", MAX_PAGE_SIZE);
        }
        CompiledServiceList list = listInForce(asOf);
        if (list.version().item(itemCode).isEmpty()) {
            throw new NotFound("service item");
        }
        Map<String, Object> parameters = new HashMap<>();
        String condition = list.condition(itemCode, "r", dibao(asOf), asOf, parameters);
        parameters.put("asOf", asOf);
        parameters.put("jurisdiction", actor.jurisdictionPath());
        String from = " from " + FactsQuery.relation("") + " where (" + condition + ") is true";
        long total = jdbc.sql("select count(*)" + from).params(parameters).query(Long.class).single();
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        List<Person> people = jdbc.sql("select f.person_id, f.name" + from
                        + " order by f.person_id limit :limit offset :offset")
                .params(parameters).query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2))).list();
        audit.record(AuditEvent.success("ELIGIBLE_PEOPLE_LISTED", actor, "service_item", itemCode)
                .withDetails(Map.of("asOf", asOf.toString(), "total", total)));
        return new EligiblePeople(itemCode, asOf, list.version().code(), total, page, size, people);
    }

    @Nullable BigDecimal dibao(LocalDate asOf) {
        return catalog.dibaoStandardFen(asOf);
    }

    CompiledServiceList listInForce(LocalDate asOf) {
        return catalog.inForce(asOf).orElseThrow(() -> InvalidInput.of("asOf", "NO_SERVICE_LIST_IN_FORCE", asOf));
    }

    private Optional<Facts> personFacts(UUID personId, LocalDate asOf, String scope, Map<String, Object> scopeParams,
                                        Optional<ServiceListStore.Standard> standard) {
        return jdbc.sql("select f.*" + " from " + FactsQuery.relation(scope, "p.person_id = :id"))
                .param("id", personId).param("asOf", asOf).params(scopeParams)
                .query((rs, n) -> new Facts(asOf, rs.getObject("birth_date", LocalDate.class),
                        rs.getString("hukou_region"), rs.getString("residence_region"),
                        Set.of((String[]) rs.getArray("tags").getArray()),
                        rs.getString("living_arrangement"), (Boolean) rs.getObject("living_at_home"),
                        (Long) rs.getObject("income_per_capita_fen"),
                        rs.getObject("care_level") == null ? null : rs.getInt("care_level"),
                        rs.getString("ltc_insured_type"),
                        standard.map(ServiceListStore.Standard::amountFen).orElse(null)))
                .optional();
    }

    private EligibilityAnswer answer(CompiledServiceList list, Facts facts, String language, List<String> warnings) {
        List<ItemAnswer> items = new ArrayList<>();
        long total = 0;
        for (var outcome : list.evaluate(facts, language)) {
            var item = outcome.item();
            Long amount = item.benefit().monthlyAmountFen();
            if (Boolean.TRUE.equals(outcome.eligible()) && outcome.supersededBy() == null && amount != null) {
                total += amount;
            }
            List<String> missing = outcome.eligible() == null
                    ? outcome.rule().missingFacts().stream().map(Fact::ruleName).sorted().toList() : List.of();
            items.add(new ItemAnswer(item.code(), item.name(language), item.category(), outcome.eligible(),
                    outcome.supersededBy(), amount, item.benefit().programme(), missing,
                    outcome.rule().trace().stream().map(c -> new TraceClause(c.clause(), c.actual(), c.result()))
                            .toList()));
        }
        return new EligibilityAnswer(ref(list.version()), facts.asOf(), items, total, warnings);
    }

    private EligibilityAnswer notEligible(CompiledServiceList list, LocalDate asOf, String language,
                                          List<String> warnings) {
        List<ItemAnswer> items = list.version().items().stream().map(item -> new ItemAnswer(item.code(),
                item.name(language), item.category(), false, null, item.benefit().monthlyAmountFen(),
                item.benefit().programme(), List.of(), List.of())).toList();
        return new EligibilityAnswer(ref(list.version()), asOf, items, 0, warnings);
    }

    private List<String> warnings(CompiledServiceList list, Optional<ServiceListStore.Standard> standard,
                                  LocalDate asOf, String language) {
        List<String> warnings = new ArrayList<>();
        if (!list.version().officialListObtained()) {
            warnings.add(text("eligibility.warning.officialListNotObtained", language, list.version().docNo()));
        }
        if (standard.isEmpty()) {
            warnings.add(text("eligibility.warning.noDibaoStandard", language, asOf));
        } else if (standard.get().documentEndsOn() != null && !asOf.isBefore(standard.get().documentEndsOn())) {
            warnings.add(text("eligibility.warning.standardDocumentEnded", language, standard.get().docNo(),
                    standard.get().documentEndsOn()));
        }
        return warnings;
    }

    static ListVersionRef ref(ServiceListVersion v) {
        return new ListVersionRef(v.code(), v.year(), v.docNo(), v.issuer(), v.effectiveFrom(), v.effectiveTo(),
                v.officialListObtained());
    }

    private String text(String key, String language, Object... args) {
        return messages.getMessage(key, args, key, Locale.forLanguageTag(language));
    }
}
