package org.yiyang.account.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;

/** The monthly service account: a person's ledger, providers' charges (记账) and the month's balance, crediting. */
@RestController
@Tag(name = "service-account")
class ServiceAccountApi {
    private final ServiceAccountLedger ledger;
    private final ServiceAccountCrediting crediting;
    private final ServiceAccountRules rules;
    private final Clock clock;

    ServiceAccountApi(ServiceAccountLedger ledger, ServiceAccountCrediting crediting, ServiceAccountRules rules, Clock clock) {
        this.ledger = ledger;
        this.crediting = crediting;
        this.rules = rules;
        this.clock = clock;
    }

    @PreAuthorize(Access.SERVICE_ACCOUNTS)
    @GetMapping("/api/v1/persons/{id}/account")
    @Operation(summary = "A person's service account: the last 12 months with every entry and adjustment")
    ServiceAccountLedger.PersonAccount person(@PathVariable UUID id, Actor actor) {
        return ledger.person(id, actor);
    }

    @PreAuthorize(Access.SERVICE_ACCOUNT_CHARGES)
    @PostMapping("/api/v1/service-account/charges")
    @Operation(summary = "Record a service delivered against a person's month (记账)",
            description = "422 with every reason: not a service, over the balance, outside the month, after the "
                    + "death, already paid by LTC or already charged; 404 outside the caller's jurisdiction")
    ResponseEntity<ServiceAccountLedger.Charged> charge(@RequestBody ServiceAccountLedger.NewCharge body, Actor actor) {
        var charged = ledger.charge(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/service-account/charges?month=" + charged.month()))
                .body(charged);
    }

    @PreAuthorize(Access.SERVICE_ACCOUNT_CHARGES)
    @GetMapping("/api/v1/service-account/charges")
    @Operation(summary = "The charges the caller's provider recorded in a month")
    List<ServiceAccountLedger.ChargeView> charges(@RequestParam String month, Actor actor) {
        return ledger.charges(month(month), actor);
    }

    @PreAuthorize(Access.SERVICE_ACCOUNT_CHARGES)
    @GetMapping("/api/v1/service-account/balance")
    @Operation(summary = "A person's credited amount and balance of a month")
    ServiceAccountLedger.Balance balance(@RequestParam UUID personId, @RequestParam String month, Actor actor) {
        return ledger.balance(personId, month(month), actor);
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping("/api/v1/service-account/services")
    @Operation(summary = "The services that may be charged, and the categories that may not")
    List<Map<String, String>> services(Locale locale) {
        return rules.services().stream().map(s -> Map.of("code", s.code(), "category", s.category().name(),
                "name", s.name(locale))).toList();
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping("/api/v1/service-account/credit-runs")
    @Operation(summary = "Credit a month now (idempotent: a rerun changes nothing; a run that died resumes)")
    ServiceAccountCrediting.Result credit(@RequestParam String month, Actor actor) {
        YearMonth m = month(month);
        if (m.isAfter(YearMonth.from(BusinessZone.today(clock)))) {
            throw InvalidInput.of("month", "ACCOUNT_MONTH_IN_FUTURE");
        }
        return crediting.credit(m);
    }

    static YearMonth month(String raw) {
        try {
            return YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("month", "ACCOUNT_MONTH_FORMAT");
        }
    }
}
