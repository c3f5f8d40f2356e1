package org.yiyang.account.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * The ledger as people use it. Providers' staff record services delivered against a person's month (记账) — within
 * their own jurisdiction, and see only their own provider's charges —; case workers read a person's months with every
 * entry and adjustment. A charge is refused (422, every reason at once, nothing written) when it is not a service
 * (cash, goods, medical fees), exceeds the month's balance, falls outside the account's month or after the person's
 * death, or is the same service (person, day, item) already paid by LTC or already charged.
 */
@Service
class ServiceAccountLedger {
    static final Role[] CASE_WORKERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    private static final int MONTHS_SHOWN = 12;

    private final JdbcClient jdbc;
    private final ServiceAccountRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceAccountLedger(JdbcClient jdbc, ServiceAccountRules rules, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** A charge as sent: the account's month ({@code 2026-07}), the day of service, the item, quantity and amount. */
    record NewCharge(@Nullable UUID personId, @Nullable String month, @Nullable String serviceDate,
                     @Nullable String itemCode, @Nullable Integer quantity, @Nullable Long amountFen) {
    }

    record Charged(UUID id, UUID personId, String month, long amountFen, long balanceFen) {
    }

    @Transactional
    Charged charge(NewCharge c, Actor actor) {
        UUID provider = provider(actor);
        var problems = new InvalidInput.Collector();
        if (c.personId() == null) {
            problems.add("personId", "REQUIRED");
        }
        YearMonth month = null;
        if (c.month() == null || c.month().isBlank()) {
            problems.add("month", "REQUIRED");
        } else {
            try {
                month = YearMonth.parse(c.month().strip());
            } catch (DateTimeParseException e) {
                problems.add("month", "ACCOUNT_MONTH_FORMAT");
            }
        }
        LocalDate day = null;
        if (c.serviceDate() == null || c.serviceDate().isBlank()) {
            problems.add("serviceDate", "REQUIRED");
        } else {
            try {
                day = LocalDate.parse(c.serviceDate().strip());
            } catch (DateTimeParseException e) {
                problems.add("serviceDate", "DATE_FORMAT");
            }
        }
        String item = c.itemCode() == null ? null : c.itemCode().strip();
        // what the rules say of the item is listed with the other problems, whichever phase finds them
        var itemRules = new InvalidInput.Collector();
        if (item == null || item.isEmpty()) {
            problems.add("itemCode", "REQUIRED");
        } else {
            var service = rules.service(item);
            if (service.isEmpty()) {
                itemRules.add("itemCode", "ACCOUNT_SERVICE_UNKNOWN");
            } else if (service.get().category() != ServiceAccountRules.Category.SERVICE) {
                itemRules.add("itemCode", "ACCOUNT_NOT_A_SERVICE", service.get().category().name());
            }
        }
        if (c.quantity() == null) {
            problems.add("quantity", "REQUIRED");
        } else if (c.quantity() < 1 || c.quantity() > 1000) {
            problems.add("quantity", "ACCOUNT_QUANTITY");
        }
        if (c.amountFen() == null) {
            problems.add("amountFen", "REQUIRED");
        } else if (c.amountFen() < 1) {
            problems.add("amountFen", "ACCOUNT_AMOUNT");
        }
        if (!problems.isEmpty()) {
            itemRules.problems().forEach(p -> problems.add(p.field(), p.code(), p.args().toArray()));
        }
        problems.throwIfAny();
        itemRules.problems().forEach(p -> problems.add(p.field(), p.code(), p.args().toArray()));
        // the person's account within the caller's jurisdiction, locked for the balance check; outside: not found
        UUID person = c.personId();
        Month account = jdbc.sql("""
                select m.month, m.residence_path::text, f.death_date,
                       exists (select 1 from account_entry x where x.person_id = m.person_id and x.month = m.month
                               and x.kind = 'EXPIRY') as closed
                from account_month m join person_fact f on f.person_id = m.person_id
                where m.person_id = :p and m.month = :m and m.residence_path <@ cast(:jurisdiction as ltree)
                for update of m
                """).param("p", person).param("m", month.atDay(1)).param("jurisdiction", actor.jurisdictionPath())
                .query((rs, n) -> new Month(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4))).optional()
                .orElseGet(() -> {
                    if (holdsAccount(person, actor)) {
                        throw InvalidInput.of("month", "ACCOUNT_NO_ACCOUNT_FOR_MONTH");
                    }
                    throw new NotFound("serviceAccount");
                });
        LocalDate today = BusinessZone.today(clock);
        if (!YearMonth.from(day).equals(month)) {
            problems.add("serviceDate", "ACCOUNT_OUTSIDE_MONTH", month.toString());
        }
        if (day.isAfter(today)) {
            problems.add("serviceDate", "ACCOUNT_SERVICE_DATE_IN_FUTURE");
        }
        if (account.closed()) {
            problems.add("month", "ACCOUNT_MONTH_CLOSED");
        }
        if (account.deathDate() != null && day.isAfter(account.deathDate())) {
            problems.add("serviceDate", "ACCOUNT_PERSON_DEAD");
        }
        boolean paidByLtc = jdbc.sql("select exists (select 1 from ltc_paid_service where person_id = :p"
                        + " and service_date = :d and item_code = :i)")
                .param("p", person).param("d", day).param("i", item).query(Boolean.class).single();
        if (paidByLtc) {
            problems.add("itemCode", "ACCOUNT_PAID_BY_LTC");
        }
        boolean charged = jdbc.sql("select exists (select 1 from account_entry where kind = 'CHARGE'"
                        + " and person_id = :p and service_date = :d and item_code = :i)")
                .param("p", person).param("d", day).param("i", item).query(Boolean.class).single();
        if (charged) {
            problems.add("itemCode", "ACCOUNT_ALREADY_CHARGED");
        }
        long balance = balance(person, account.month());
        if (c.amountFen() > balance) {
            problems.add("amountFen", "ACCOUNT_BALANCE_EXCEEDED", balance);
        }
        problems.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account_entry (id, person_id, month, residence_path, kind, amount_fen, item_code,
                                           entry_date, provider_id, service_date, quantity, recorded_by)
                values (:id, :p, :m, cast(:path as ltree), 'CHARGE', :fen, :item, :today, :provider, :d, :q, :by)
                """).param("id", id).param("p", person).param("m", account.month())
                .param("path", account.residencePath()).param("fen", -c.amountFen()).param("item", item)
                .param("today", today).param("provider", provider).param("d", day).param("q", c.quantity())
                .param("by", actor.userId()).update();
        audit.record(AuditEvent.success("SERVICE_ACCOUNT_CHARGED", actor, "person", person)
                .withDetails(Map.of("entry", id.toString(), "month", month.toString(), "fen", c.amountFen())));
        return new Charged(id, person, month.toString(), c.amountFen(), balance - c.amountFen());
    }

    private record Month(LocalDate month, String residencePath, @Nullable LocalDate deathDate, boolean closed) {
    }

    private boolean holdsAccount(UUID person, Actor actor) {
        return jdbc.sql("select exists (select 1 from account_month where person_id = :p"
                        + " and residence_path <@ cast(:jurisdiction as ltree))")
                .param("p", person).param("jurisdiction", actor.jurisdictionPath()).query(Boolean.class).single();
    }

    long balance(UUID person, LocalDate month) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from account_entry where person_id = :p and month = :m")
                .param("p", person).param("m", month).query(Long.class).single();
    }

    /** For the provider: the month's credited amount and balance of a person in their jurisdiction. */
    record Balance(UUID personId, String month, long creditedFen, long balanceFen, boolean closed) {
    }

    @Transactional(readOnly = true)
    Balance balance(UUID person, YearMonth month, Actor actor) {
        provider(actor);
        return jdbc.sql("""
                select coalesce(sum(e.amount_fen) filter (where e.kind = 'CREDIT'), 0),
                       coalesce(sum(e.amount_fen), 0), bool_or(e.kind = 'EXPIRY')
                from account_month m left join account_entry e on e.person_id = m.person_id and e.month = m.month
                where m.person_id = :p and m.month = :m and m.residence_path <@ cast(:jurisdiction as ltree)
                group by m.person_id
                """).param("p", person).param("m", month.atDay(1)).param("jurisdiction", actor.jurisdictionPath())
                .query((rs, n) -> new Balance(person, month.toString(), rs.getLong(1), rs.getLong(2),
                        rs.getBoolean(3))).optional().orElseThrow(() -> new NotFound("serviceAccount"));
    }

    /** A charge as its provider sees it. */
    record ChargeView(UUID id, UUID personId, LocalDate serviceDate, String itemCode, int quantity, long amountFen,
                      LocalDate recordedOn) {
    }

    /** The charges the caller's provider recorded for a month (at most 500, newest first). */
    @Transactional(readOnly = true)
    List<ChargeView> charges(YearMonth month, Actor actor) {
        UUID provider = provider(actor);
        return jdbc.sql("""
                select id, person_id, service_date, item_code, quantity, -amount_fen, entry_date from account_entry
                where kind = 'CHARGE' and provider_id = :provider and month = :m
                order by recorded_at desc limit 500
                """).param("provider", provider).param("m", month.atDay(1))
                .query((rs, n) -> new ChargeView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(5), rs.getLong(6),
                        rs.getObject(7, LocalDate.class))).list();
    }

    private static UUID provider(Actor actor) {
        actor.require(Role.PROVIDER_STAFF);
        if (actor.providerId() == null) {
            throw new AccessRefused("provider");
        }
        return actor.providerId();
    }

    /** A person's account: months newest first with their entries, adjustments and the changes noticed. */
    record PersonAccount(UUID personId, List<MonthView> months, List<Notice> notices) {
    }

    record MonthView(String month, long creditedFen, long chargedFen, long expiredFen, long recoveredFen,
                     long balanceFen, boolean closed, List<Entry> entries, List<Adjustment> adjustments) {
    }

    record Entry(String kind, long amountFen, @Nullable String itemCode, LocalDate entryDate,
                 @Nullable LocalDate serviceDate, @Nullable Integer quantity, @Nullable UUID providerId) {
    }

    record Adjustment(String itemCode, long previousFen, long newFen, String reason, @Nullable String detail) {
    }

    record Notice(String cause, LocalDate noticedOn, String effectiveMonth) {
    }

    @Transactional
    PersonAccount person(UUID person, Actor actor) {
        actor.require(CASE_WORKERS);
        boolean known = jdbc.sql("select exists (select 1 from person_fact where person_id = :p"
                        + " and residence_path <@ cast(:jurisdiction as ltree))")
                .param("p", person).param("jurisdiction", actor.jurisdictionPath()).query(Boolean.class).single();
        if (!known) {
            throw new NotFound("person");
        }
        List<LocalDate> months = jdbc.sql("select month from account_month where person_id = :p"
                        + " and residence_path <@ cast(:jurisdiction as ltree) order by month desc limit :n")
                .param("p", person).param("jurisdiction", actor.jurisdictionPath()).param("n", MONTHS_SHOWN)
                .query(LocalDate.class).list();
        List<MonthView> views = new ArrayList<>();
        for (LocalDate m : months) {
            List<Entry> entries = jdbc.sql("""
                    select kind, amount_fen, item_code, entry_date, service_date, quantity, provider_id
                    from account_entry where person_id = :p and month = :m
                    order by case kind when 'CREDIT' then 0 when 'CHARGE' then 1 when 'RECOVERY' then 2 else 3 end,
                             entry_date, service_date, recorded_at
                    """).param("p", person).param("m", m)
                    .query((rs, n) -> new Entry(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            (Integer) rs.getObject(6), rs.getObject(7, UUID.class))).list();
            List<Adjustment> adjustments = jdbc.sql("select item_code, previous_fen, new_fen, reason, detail"
                            + " from account_adjustment where person_id = :p and month = :m order by item_code")
                    .param("p", person).param("m", m)
                    .query((rs, n) -> new Adjustment(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5))).list();
            views.add(view(YearMonth.from(m), entries, adjustments));
        }
        List<Notice> notices = jdbc.sql("select cause, noticed_on, effective_month from account_change_notice"
                        + " where person_id = :p order by noticed_on desc limit 50")
                .param("p", person).query((rs, n) -> new Notice(rs.getString(1), rs.getObject(2, LocalDate.class),
                        YearMonth.from(rs.getObject(3, LocalDate.class)).toString())).list();
        audit.record(AuditEvent.success("SERVICE_ACCOUNT_READ", actor, "person", person));
        return new PersonAccount(person, views, notices);
    }

    static MonthView view(YearMonth month, List<Entry> entries, List<Adjustment> adjustments) {
        long credited = sum(entries, "CREDIT");
        long charged = -sum(entries, "CHARGE");
        long expired = -sum(entries, "EXPIRY");
        long recovered = -sum(entries, "RECOVERY");
        long balance = entries.stream().mapToLong(Entry::amountFen).sum();
        boolean closed = entries.stream().anyMatch(e -> e.kind().equals("EXPIRY"));
        return new MonthView(month.toString(), credited, charged, expired, recovered, balance, closed, entries,
                adjustments);
    }

    private static long sum(List<Entry> entries, String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).mapToLong(Entry::amountFen).sum();
    }

    Optional<ServiceAccountRules.Service> service(String code) {
        return rules.service(code);
    }
}
