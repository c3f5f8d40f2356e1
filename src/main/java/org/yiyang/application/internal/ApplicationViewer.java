package org.yiyang.application.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yiyang.application.internal.ApplicationViews.ApplicationView;
import org.yiyang.application.internal.ApplicationViews.AttachmentView;
import org.yiyang.application.internal.ApplicationViews.GrantView;
import org.yiyang.application.internal.ApplicationViews.ItemView;
import org.yiyang.application.internal.ApplicationViews.MaterialView;
import org.yiyang.application.internal.ApplicationViews.Notice;
import org.yiyang.application.internal.ApplicationViews.StepView;
import org.yiyang.eligibility.EligibilityAnswer.TraceClause;
import org.yiyang.eligibility.ServiceItem;
import org.yiyang.eligibility.ServiceLists;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.privacy.PersonalDataCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Builds the full view of an application already loaded within the actor's jurisdiction. */
@Component
class ApplicationViewer {
    static final String REASON = "application.reason";
    static final String TRACE = "application.trace";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationStore store;
    private final ApplicationRules rules;
    private final Deadlines deadlines;
    private final ServiceLists serviceLists;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ApplicationViewer(ApplicationStore store, ApplicationRules rules, Deadlines deadlines, ServiceLists serviceLists,
                      PersonalDataCipher cipher, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.deadlines = deadlines;
        this.serviceLists = serviceLists;
        this.cipher = cipher;
        this.clock = clock;
    }

    ApplicationView view(ApplicationStore.Row row, String language, Actor actor) {
        LocalDate today = BusinessZone.today(clock);
        Map<String, String> names = itemNames(today, language, actor);
        Map<String, ApplicationStore.Decision> first = new HashMap<>();
        Map<String, ApplicationStore.Decision> review = new HashMap<>();
        for (var d : store.decisions(row.id())) {
            (d.round().equals("REVIEW") ? review : first).put(d.itemCode(), d);
        }
        List<ItemView> items = store.itemsAtIntake(row.id()).stream().map(i -> {
            var d = review.getOrDefault(i.itemCode(), first.get(i.itemCode()));
            var f = first.get(i.itemCode());
            return new ItemView(i.itemCode(), names.getOrDefault(i.itemCode(), i.itemCode()), i.eligibleAtIntake(),
                    d == null ? null : d.decision(),
                    d == null || d.reasonEnc() == null ? null : cipher.decrypt(d.reasonEnc(), REASON),
                    d == null ? null : d.monthlyAmountFen(), d == null ? null : d.listVersion(),
                    d == null ? List.of() : trace(d.traceEnc()), f == null ? null : f.decision());
        }).toList();
        var attachments = store.attachments(row.id());
        Set<String> attached = attachments.stream().map(ApplicationStore.Attachment::materialCode)
                .collect(Collectors.toSet());
        List<MaterialView> checklist = rules.checklist(store.items(row.id()), row.channel()).stream()
                .map(m -> new MaterialView(m, rules.materialName(m, language), attached.contains(m))).toList();
        List<StepView> steps = store.steps(row.id()).stream().map(s -> new StepView(s.step(), s.startedOn(),
                s.dueOn(), s.dueApproximate(), s.doneOn(), s.outcome(),
                s.dueOn() != null && (s.doneOn() == null ? today : s.doneOn()).isAfter(s.dueOn()))).toList();
        Notice notice = row.decidedOn() == null ? null : notice(row.decidedOn());
        return new ApplicationView(row.id(), row.personId(), row.channel().name(), row.status().name(),
                row.submittedOn(), row.dueOn(), row.dueApproximate(),
                row.dueOn() != null && row.dueOn().isBefore(today), row.assessmentId(), row.assessmentReceivedOn(),
                items, checklist, steps,
                attachments.stream().map(a -> new AttachmentView(a.id(), a.materialCode(), a.contentType(),
                        a.sizeBytes(), a.sha256(), a.uploadedAt())).toList(),
                notice, store.grants(row.id()).stream().map(g -> new GrantView(g.id(), g.itemCode(),
                        g.monthlyAmountFen(), g.validFrom(), g.validTo(), g.endedReason())).toList());
    }

    Notice notice(LocalDate noticeOn) {
        var review = rules.period("reviewRequestDays");
        var admin = rules.period("administrativeReviewDays");
        var litigation = rules.period("litigationMonths");
        return new Notice(noticeOn, deadlines.reviewWindowEnd(noticeOn), review.localDefault(),
                rules.period("reviewDecisionWorkingDays").value(), deadlines.administrativeReviewEnd(noticeOn),
                admin.value(), admin.localDefault(), deadlines.litigationEnd(noticeOn), litigation.value(),
                litigation.localDefault(), rules.docNo());
    }

    /** The names of the items of the service list in force, in the language. */
    Map<String, String> itemNames(LocalDate day, String language, Actor actor) {
        var version = serviceLists.version(serviceLists.inForce(day, actor).code(), actor);
        Map<String, String> names = new HashMap<>();
        for (ServiceItem item : version.items()) {
            names.put(item.code(), item.name(language));
        }
        return names;
    }

    Set<String> itemsInForce(LocalDate day, Actor actor) {
        return new HashSet<>(itemNames(day, "zh-CN", actor).keySet());
    }

    byte[] sealTrace(List<TraceClause> trace) {
        return cipher.encrypt(JSON.writeValueAsString(trace), TRACE);
    }

    private List<TraceClause> trace(byte[] sealed) {
        return JSON.readValue(cipher.decrypt(sealed, TRACE), new TypeReference<List<TraceClause>>() { });
    }
}
