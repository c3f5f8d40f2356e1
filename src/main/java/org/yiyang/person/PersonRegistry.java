package org.yiyang.person;

import org.yiyang.shared.SystemUse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.person.internal.PersonMasks;
import org.yiyang.person.internal.PersonStore;
import org.yiyang.person.internal.ResidentValidator;
import org.yiyang.person.internal.ValidResident;
import org.yiyang.region.Region;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * The resident registry: registers residents (every field validated, duplicates found before they exist), shows one
 * resident and searches residents, always within the actor's jurisdiction. Personal data is encrypted on the way in
 * and only ever leaves masked.
 */
@Service
public class PersonRegistry {
    /** Roles that work with residents' records. */
    static final Role[] CASE_WORKERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    /** Who may read resident records: case workers in their jurisdiction, provider staff for their clients. */
    static final Role[] READERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER, Role.PROVIDER_STAFF};
    private static final int MAX_PAGE_SIZE = 100;

    private final ResidentValidator validator;
    private final PersonStore store;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final PersonMasks masks;
    private final Clock clock;
    private final AuditTrail audit;

    PersonRegistry(ResidentValidator validator, PersonStore store, Regions regions, PersonalDataCipher cipher,
                   PersonMasks masks, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.validator = validator;
        this.store = store;
        this.regions = regions;
        this.cipher = cipher;
        this.masks = masks;
        this.clock = clock;
    }

    /**
     * Registers a resident. Throws {@link InvalidInput} with every bad field, {@link Conflict} {@code PERSON_EXISTS}
     * (with the id, within the jurisdiction) or {@code REGISTERED_ELSEWHERE} (without) for a known ID number, and
     * {@code LIKELY_DUPLICATE} with the candidates unless the request confirms it is someone else.
     */
    @Transactional
    public PersonView register(NewResident request, Actor actor) {
        actor.require(CASE_WORKERS);
        ValidResident resident = validator.validate(request, actor).orThrow();
        store.holderOf(resident.idNumber().value(), actor.jurisdictionPath()).ifPresent(holder -> {
            if (holder.withinJurisdiction()) {
                throw new Conflict("PERSON_EXISTS", Map.of("personId", holder.id()));
            }
            throw new Conflict("REGISTERED_ELSEWHERE", Map.of());
        });
        if (!request.confirmed()) {
            List<UUID> candidates = likelyDuplicates(resident, actor);
            if (!candidates.isEmpty()) {
                throw new Conflict("LIKELY_DUPLICATE", Map.of("candidates", candidates));
            }
        }
        UUID id;
        try {
            id = store.insert(resident);
        } catch (DuplicateKeyException e) {
            // registered by someone else between the check and the insert
            throw new Conflict("REGISTERED_CONCURRENTLY", Map.of());
        }
        audit.record(AuditEvent.success("PERSON_CREATED", actor, "person", id));
        return store.findWithin(id, actor.jurisdictionPath()).map(r -> view(r, new RegionNames(regions)))
                .orElseThrow(() -> new NotFound("person"));
    }

    private List<UUID> likelyDuplicates(ValidResident resident, Actor actor) {
        String path = resident.residence().path();
        String street = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : path;
        return store.likelyDuplicates(street, actor.jurisdictionPath(), resident.name(),
                resident.idNumber().birthDate(), resident.phone());
    }

    /**
     * One resident; {@link NotFound} when unknown or outside the actor's scope (indistinguishable): the jurisdiction,
     * or for provider staff the persons their provider serves today.
     */
    @Transactional
    public PersonView find(UUID id, Actor actor) {
        actor.require(READERS);
        var person = store.findWithin(id, PersonStore.Scope.of(actor, BusinessZone.today(clock))).map(r -> view(r, new RegionNames(regions)))
                .orElseThrow(() -> new NotFound("person"));
        audit.record(AuditEvent.success("PERSON_READ", actor, "person", id));
        return person;
    }

    /**
     * Searches by name (trigram similarity or prefix) or, when {@code query} is a valid ID number, by its blind index;
     * optionally below a region. Pages count from 0.
     */
    @Transactional
    public PersonPage search(@Nullable String query, @Nullable String regionCode, int page, int size, Actor actor) {
        actor.require(READERS);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, page);
        String regionPath = null;
        if (regionCode != null && !regionCode.isBlank()) {
            regionPath = regions.pathOf(regionCode.strip())
                    .orElseThrow(() -> InvalidInput.of("region", "REGION_UNKNOWN"));
        }
        String q = query == null || query.isBlank() ? null : query.strip();
        String idNumber = null;
        if (q != null) {
            IdNumberCheck check = IdNumberCheck.of(q);
            if (check.valid()) {
                idNumber = check.normalized();
            }
        }
        var scope = PersonStore.Scope.of(actor, BusinessZone.today(clock));
        var criteria = new PersonStore.Query(scope, regionPath, idNumber,
                idNumber == null ? q : null);
        var names = new RegionNames(regions);
        List<PersonView> items = store.search(criteria, pageSize, (long) pageNo * pageSize).stream()
                .map(r -> view(r, names)).toList();
        long total = store.count(criteria);
        // the search terms themselves are personal data: only their kind and the result count are audited
        audit.record(AuditEvent.success("PERSON_SEARCH", actor, "person", null).withDetails(Map.of(
                "by", idNumber != null ? "ID_NUMBER" : q != null ? "NAME" : "REGION", "results", total)));
        return new PersonPage(items, pageNo, pageSize, total);
    }

    /** Checks an ID number as typed; an invalid number is a normal answer, not an error. */
    @SystemUse("a pure check of a typed number; reads nothing stored")
    public IdNumberCheck checkIdNumber(@Nullable String raw) {
        return IdNumberCheck.of(raw);
    }

    /** The masked view of a row already loaded within the caller's scope. */
    PersonView view(PersonStore.Row r) {
        return view(r, new RegionNames(regions));
    }

    private PersonView view(PersonStore.Row r, RegionNames names) {
        LocalDate today = BusinessZone.today(clock);
        String idNumber = cipher.decrypt(r.idNumberEnc(), PersonalColumns.bound(PersonalColumns.ID_NUMBER, r.id()));
        String phone = r.phoneEnc() == null ? null
                : masks.phone(cipher.decrypt(r.phoneEnc(), PersonalColumns.bound(PersonalColumns.PHONE, r.id())));
        String address = r.addressEnc() == null ? null
                : masks.address(cipher.decrypt(r.addressEnc(),
                        PersonalColumns.bound(PersonalColumns.ADDRESS, r.id())));
        return new PersonView(r.id(), r.name(), r.sex(), r.birthDate(),
                Period.between(r.birthDate(), today).getYears(), masks.idNumber(idNumber), phone, address,
                names.ref(r.hukouRegion()), names.ref(r.residenceRegion()), r.livingArrangement(),
                r.householdIncomeFen(), r.tags(), r.deathDate(), r.demo());
    }

    /** Region names looked up once per request. */
    private static final class RegionNames {
        private final Regions regions;
        private final Map<String, Optional<Region>> cache = new HashMap<>();

        RegionNames(Regions regions) {
            this.regions = regions;
        }

        PersonView.RegionRef ref(String code) {
            String trimmed = code.strip();
            return new PersonView.RegionRef(trimmed,
                    cache.computeIfAbsent(trimmed, regions::find).map(Region::name).orElse(null));
        }
    }
}
