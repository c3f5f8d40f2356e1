package org.yiyang.eligibility.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.eligibility.ServiceListVersion;
import org.yiyang.eligibility.ServiceLists;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;

/** Versions of the basic elderly care service list. */
@RestController
@RequestMapping("/api/v1/service-lists")
@Tag(name = "service lists", description = "Basic elderly care service list versions (基本养老服务清单)")
class ServiceListApi {
    private final ServiceLists lists;
    private final Clock clock;

    ServiceListApi(ServiceLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping
    @Operation(summary = "All versions, newest first")
    List<ServiceLists.VersionSummary> versions(Actor actor) {
        return lists.versions(actor);
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping("/in-force")
    @Operation(summary = "The version in force on a day (today when absent)")
    ServiceLists.VersionSummary inForce(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        @Nullable LocalDate on, Actor actor) {
        return lists.inForce(on != null ? on : BusinessZone.today(clock), actor);
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping("/{code}")
    @Operation(summary = "One version: parameters, definitions, categories and items with their rules")
    ServiceListVersion version(@PathVariable String code, Actor actor) {
        return lists.version(code, actor);
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping("/{code}/compare")
    @Operation(summary = "Items added, removed and changed from another version to this one")
    ServiceLists.Comparison compare(@PathVariable String code, @RequestParam("from") String from, Actor actor) {
        return lists.compare(from, code, actor);
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a new version (the list document) as a draft; every fault is listed with 422")
    ServiceLists.VersionSummary submit(@RequestBody String document, Actor actor) {
        return lists.submit(document, actor);
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping("/{code}/dry-run")
    @Operation(summary = "Who would gain and who would lose each item against the version in force on asOf")
    ServiceLists.DryRun dryRun(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               @Nullable LocalDate asOf, Actor actor) {
        return lists.dryRun(code, asOf != null ? asOf : BusinessZone.today(clock), actor);
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping("/{code}/activate")
    @Operation(summary = "Activate a draft: it applies from its effective date")
    ServiceLists.VersionSummary activate(@PathVariable String code, Actor actor) {
        return lists.activate(code, actor);
    }
}
