package org.yiyang.eligibility.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.ServiceItem;
import org.yiyang.eligibility.ServiceListVersion;
import org.yiyang.eligibility.ServiceLists;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/** Service-list versions: reading, comparing, submitting drafts, dry runs and activation. */
@Component
class ServiceListAdministration implements ServiceLists {
    private static final int SAMPLE = 5;

    private final ServiceListStore store;
    private final ServiceListCatalog catalog;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceListAdministration(ServiceListStore store, ServiceListCatalog catalog, JdbcClient jdbc, AuditTrail audit,
                              Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(Actor actor) {
        actor.require(EligibilityEngine.CALCULATOR_USERS);
        return store.all().stream().map(this::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ServiceListVersion version(String code, Actor actor) {
        actor.require(EligibilityEngine.CALCULATOR_USERS);
        return compiled(code).version();
    }

    @Override
    @Transactional(readOnly = true)
    public VersionSummary summary(String code, Actor actor) {
        actor.require(EligibilityEngine.CALCULATOR_USERS);
        return store.find(code).map(this::summary).orElseThrow(() -> new NotFound("service list"));
    }

    @Override
    @Transactional(readOnly = true)
    public VersionSummary inForce(LocalDate day, Actor actor) {
        actor.require(EligibilityEngine.CALCULATOR_USERS);
        return store.inForce(day).map(this::summary).orElseThrow(() -> new NotFound("service list"));
    }

    @Override
    @Transactional
    public VersionSummary submit(String document, Actor actor) {
        actor.require(Role.CITY_OFFICER);
        CompiledServiceList list;
        try {
            list = catalog.parse(document, "submitted document");
        } catch (InvalidServiceList e) {
            throw new InvalidInput(e.faults().stream().map(ServiceListAdministration::problem).toList());
        }
        ServiceListVersion v = list.version();
        if (store.exists(v.code())) {
            throw new Conflict("SERVICE_LIST_EXISTS", Map.of("code", v.code()));
        }
        var row = new ServiceListStore.Row(v.code(), v.year(), v.docNo(), v.issuer(), v.effectiveFrom(),
                v.effectiveTo(), "DRAFT", document, ServiceListCatalog.sha256(document), false, clock.instant(), null);
        store.insert(row, actor.userId());
        audit.record(AuditEvent.success("SERVICE_LIST_SUBMITTED", actor, "service_list", v.code()));
        return summary(store.find(v.code()).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public Comparison compare(String fromCode, String toCode, Actor actor) {
        actor.require(EligibilityEngine.CALCULATOR_USERS);
        ServiceListVersion from = compiled(fromCode).version();
        ServiceListVersion to = compiled(toCode).version();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<ItemChange> changed = new ArrayList<>();
        for (ServiceItem item : to.items()) {
            Optional<ServiceItem> before = from.item(item.code());
            if (before.isEmpty()) {
                added.add(item.code());
            } else {
                List<String> fields = differences(before.get(), item, from, to);
                if (!fields.isEmpty()) {
                    changed.add(new ItemChange(item.code(), fields));
                }
            }
        }
        from.items().stream().filter(i -> to.item(i.code()).isEmpty()).forEach(i -> removed.add(i.code()));
        return new Comparison(fromCode, toCode, added, removed, changed);
    }

    @Override
    @Transactional
    public DryRun dryRun(String code, LocalDate asOf, Actor actor) {
        actor.require(Role.CITY_OFFICER);
        CompiledServiceList proposed = compiled(code);
        Optional<CompiledServiceList> current = catalog.inForce(asOf);
        BigDecimal dibao = catalog.dibaoStandardFen(asOf);
        Set<String> codes = new LinkedHashSet<>();
        proposed.version().items().forEach(i -> codes.add(i.code()));
        current.ifPresent(c -> c.version().items().forEach(i -> codes.add(i.code())));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("asOf", asOf);
        parameters.put("jurisdiction", actor.jurisdictionPath());
        List<String[]> conditions = new ArrayList<>();
        int n = 0;
        for (String item : codes) {
            String now = condition(current.orElse(null), item, "c" + n, dibao, asOf, parameters);
            String next = condition(proposed, item, "p" + n, dibao, asOf, parameters);
            conditions.add(new String[] {"(" + next + ") is true and (" + now + ") is not true",
                    "(" + now + ") is true and (" + next + ") is not true"});
            n++;
        }
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < conditions.size(); i++) {
            select.append(i == 0 ? "" : ", ").append("count(*) filter (where ").append(conditions.get(i)[0])
                    .append("), count(*) filter (where ").append(conditions.get(i)[1]).append(")");
        }
        String relation = " from " + FactsQuery.relation("");
        long[] counts = jdbc.sql(select + relation).params(parameters).query((rs, row) -> {
            long[] c = new long[conditions.size() * 2];
            for (int i = 0; i < c.length; i++) {
                c[i] = rs.getLong(i + 1);
            }
            return c;
        }).single();
        List<ItemShift> shifts = new ArrayList<>();
        int i = 0;
        for (String item : codes) {
            String name = proposed.version().item(item).or(() -> current.flatMap(c -> c.version().item(item)))
                    .map(it -> it.name("zh-CN")).orElse(item);
            shifts.add(new ItemShift(item, name, counts[2 * i], counts[2 * i + 1],
                    counts[2 * i] == 0 ? List.of() : sample(conditions.get(i)[0], relation, parameters),
                    counts[2 * i + 1] == 0 ? List.of() : sample(conditions.get(i)[1], relation, parameters)));
            i++;
        }
        audit.record(AuditEvent.success("SERVICE_LIST_DRY_RUN", actor, "service_list", code)
                .withDetails(Map.of("asOf", asOf.toString())));
        return new DryRun(code, current.map(c -> c.version().code()).orElse(null), asOf, shifts);
    }

    @Override
    @Transactional
    public VersionSummary activate(String code, Actor actor) {
        actor.require(Role.CITY_OFFICER);
        compiled(code);
        if (!store.activate(code, actor.userId(), clock.instant())) {
            throw new Conflict("SERVICE_LIST_NOT_DRAFT", Map.of("code", code));
        }
        audit.record(AuditEvent.success("SERVICE_LIST_ACTIVATED", actor, "service_list", code));
        return summary(store.find(code).orElseThrow());
    }

    private List<Eligibility.Person> sample(String condition, String relation, Map<String, Object> parameters) {
        return jdbc.sql("select f.person_id, f.name" + relation + " where " + condition
                        + " order by f.person_id limit " + SAMPLE)
                .params(parameters)
                .query((rs, n) -> new Eligibility.Person(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private static String condition(@Nullable CompiledServiceList list, String item, String prefix,
                                    @Nullable BigDecimal dibao, LocalDate asOf, Map<String, Object> parameters) {
        if (list == null || list.version().item(item).isEmpty()) {
            return "false";
        }
        return list.condition(item, prefix, dibao, asOf, parameters);
    }

    private static List<String> differences(ServiceItem a, ServiceItem b, ServiceListVersion from,
                                            ServiceListVersion to) {
        List<String> fields = new ArrayList<>();
        compareField(fields, "name", a.name(), b.name());
        compareField(fields, "category", a.category(), b.category());
        compareField(fields, "supportForm", a.supportForm(), b.supportForm());
        compareField(fields, "funding", a.funding(), b.funding());
        compareField(fields, "benefit", a.benefit(), b.benefit());
        compareField(fields, "leadDepartment", a.leadDepartment(), b.leadDepartment());
        compareField(fields, "source", a.source(), b.source());
        compareField(fields, "rule", a.rule(), b.rule());
        compareField(fields, "standardGroup", a.standardGroup(), b.standardGroup());
        compareField(fields, "supplementTo", a.supplementTo(), b.supplementTo());
        compareField(fields, "ageReference", a.ageReference(), b.ageReference());
        if (!fields.contains("rule") && (!from.parameters().equals(to.parameters())
                || !from.definitions().equals(to.definitions()))) {
            fields.add("rule (parameters or definitions)");
        }
        return fields;
    }

    private static void compareField(List<String> fields, String name, @Nullable Object a, @Nullable Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    private CompiledServiceList compiled(String code) {
        return store.find(code).map(catalog::compiled).orElseThrow(() -> new NotFound("service list"));
    }

    private VersionSummary summary(ServiceListStore.Row row) {
        ServiceListVersion v = catalog.compiled(row).version();
        return new VersionSummary(row.code(), row.year(), row.docNo(), row.issuer(), row.effectiveFrom(),
                row.effectiveTo(), row.status(), v.officialListObtained(), row.shipped(), v.items().size());
    }

    private static FieldProblem problem(String fault) {
        int colon = fault.indexOf(": ");
        return colon < 0 ? FieldProblem.of("document", "SERVICE_LIST_FAULT", fault)
                : FieldProblem.of(fault.substring(0, colon), "SERVICE_LIST_FAULT", fault.substring(colon + 2));
    }
}
