package org.yiyang.person.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.person.IdNumberCheck;
import org.yiyang.person.NewResident;
import org.yiyang.person.PersonPage;
import org.yiyang.person.PersonRegistry;
import org.yiyang.person.PersonView;
import org.yiyang.shared.Actor;

/** The resident registry API. Personal data leaves only masked; ID numbers never travel in URLs. */
@PreAuthorize(Access.RESIDENT_REGISTRARS)
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "persons", description = "Resident registry (居民)")
class PersonApi {
    private final PersonRegistry registry;

    PersonApi(PersonRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @Operation(summary = "Register a resident",
            description = "422 with every bad field; 409 PERSON_EXISTS, REGISTERED_ELSEWHERE or LIKELY_DUPLICATE")
    ResponseEntity<PersonView> register(@RequestBody NewResident request, Actor actor) {
        PersonView person = registry.register(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id())).body(person);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.RESIDENT_READERS)
    @Operation(summary = "One resident within the caller's jurisdiction, or a client of a provider staff member's "
            + "provider (404 otherwise)")
    PersonView find(@PathVariable UUID id, Actor actor) {
        return registry.find(id, actor);
    }

    @GetMapping
    @PreAuthorize(Access.RESIDENT_READERS)
    @Operation(summary = "Search residents by name or ID number, optionally below a region")
    PersonPage search(@RequestParam(required = false) @Nullable String q,
                      @RequestParam(required = false) @Nullable String region,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                      Actor actor) {
        return registry.search(q, region, page, size, actor);
    }

    @PostMapping("/search")
    @PreAuthorize(Access.RESIDENT_READERS)
    @Operation(summary = "The same search with the query in the body",
            description = "Use this to search by ID number, so that the number stays out of URLs and access logs")
    PersonPage searchPosted(@RequestBody SearchRequest body, Actor actor) {
        return registry.search(body.q(), body.region(), body.page() == null ? 0 : body.page(),
                body.size() == null ? 20 : body.size(), actor);
    }

    @PostMapping("/id-numbers/validate")
    @Operation(summary = "Check an ID number (GB 11643); an invalid number is a normal answer")
    IdNumberCheck validate(@RequestBody IdNumberValue body) {
        return registry.checkIdNumber(body.value());
    }

    /** The body of a posted search. */
    record SearchRequest(@Nullable String q, @Nullable String region, @Nullable Integer page,
                         @Nullable Integer size) {
    }

    /** The body of the validation call. */
    record IdNumberValue(@Nullable String value) {
    }
}
