package org.yiyang.account.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.FieldMessages;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * Pages: the person's account (months, ledger entries, adjustments explained) for case workers, and the provider's
 * page to record services and see a person's balance of the month. The same services as the API.
 */
@Controller
class ServiceAccountPages {
    private final ServiceAccountLedger ledger;
    private final ServiceAccountRules rules;
    private final MessageSource messages;
    private final Clock clock;

    ServiceAccountPages(ServiceAccountLedger ledger, ServiceAccountRules rules, MessageSource messages, Clock clock) {
        this.ledger = ledger;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    @PreAuthorize(Access.SERVICE_ACCOUNTS)
    @GetMapping("/persons/{id}/account")
    String person(@PathVariable UUID id, Actor actor, Model model, Locale locale) {
        model.addAttribute("account", ledger.person(id, actor));
        model.addAttribute("serviceNames", serviceNames(locale));
        return "account/person";
    }

    @PreAuthorize(Access.SERVICE_ACCOUNT_CHARGES)
    @GetMapping("/service-account")
    String provider(@RequestParam(required = false) @Nullable String month, Actor actor, Model model,
                    Locale locale) {
        return providerPage(parse(month), actor, model, locale, Map.of(), null, null, null);
    }

    @PreAuthorize(Access.SERVICE_ACCOUNT_CHARGES)
    @PostMapping("/service-account/balance")
    String balance(@RequestParam(defaultValue = "") String personId, @RequestParam(defaultValue = "") String month,
                   Actor actor, Model model, Locale locale) {
        YearMonth m = parse(month);
        try {
            model.addAttribute("balance", ledger.balance(UUID.fromString(personId.strip()), m, actor));
        } catch (IllegalArgumentException | NotFound e) {
            model.addAttribute("balanceError", messages.getMessage("account.balance.notFound", null, locale));
        }
        return providerPage(m, actor, model, locale, Map.of(), null, personId, null);
    }

    @PreAuthorize(Access.SERVICE_ACCOUNT_CHARGES)
    @PostMapping("/service-account/charges")
    String charge(@RequestParam(defaultValue = "") String personId, @RequestParam(defaultValue = "") String month,
                  @RequestParam(defaultValue = "") String serviceDate, @RequestParam(defaultValue = "") String itemCode,
                  @RequestParam(defaultValue = "1") String quantity, @RequestParam(defaultValue = "") String amount,
                  Actor actor, Model model, Locale locale) {
        YearMonth m = parse(month);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID person = null;
        try {
            person = UUID.fromString(personId.strip());
        } catch (IllegalArgumentException e) {
            errors.put("personId", messages.getMessage("problem.REQUIRED", null, locale));
        }
        Long fen = null;
        try {
            fen = org.yiyang.shared.Money.ofYuan(amount).fen();
        } catch (IllegalArgumentException e) {
            errors.put("amountFen", messages.getMessage("problem.ACCOUNT_AMOUNT", null, locale));
        }
        Integer qty = null;
        try {
            qty = Integer.valueOf(quantity.strip());
        } catch (NumberFormatException e) {
            errors.put("quantity", messages.getMessage("problem.ACCOUNT_QUANTITY", null, locale));
        }
        ServiceAccountLedger.Charged charged = null;
        if (errors.isEmpty()) {
            try {
                charged = ledger.charge(new ServiceAccountLedger.NewCharge(person, month, serviceDate, itemCode, qty, fen),
                        actor);
            } catch (InvalidInput e) {
                errors.putAll(FieldMessages.byField(e.problems(), messages, locale));
            } catch (NotFound e) {
                errors.put("personId", messages.getMessage("account.balance.notFound", null, locale));
            }
        }
        if (charged != null) {
            model.addAttribute("balance", ledger.balance(charged.personId(), m, actor));
        }
        return providerPage(m, actor, model, locale, errors, charged, personId, itemCode);
    }

    private Map<String, String> serviceNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        rules.services().forEach(s -> names.put(s.code(), s.name(locale)));
        return names;
    }

    private String providerPage(YearMonth month, Actor actor, Model model, Locale locale, Map<String, String> errors,
                                ServiceAccountLedger.@Nullable Charged charged, @Nullable String personId,
                                @Nullable String itemCode) {
        model.addAttribute("month", month.toString());
        model.addAttribute("services", rules.services().stream().map(s -> Map.of("code", s.code(),
                "name", s.name(locale), "category", s.category().name())).toList());
        model.addAttribute("charges", ledger.charges(month, actor));
        model.addAttribute("errors", errors);
        model.addAttribute("charged", charged);
        model.addAttribute("personId", personId == null ? "" : personId);
        model.addAttribute("itemCode", itemCode == null ? "" : itemCode);
        model.addAttribute("today", BusinessZone.today(clock));
        return "account/provider";
    }

    private YearMonth parse(@Nullable String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.from(BusinessZone.today(clock))
                    : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return YearMonth.from(BusinessZone.today(clock));
        }
    }
}
