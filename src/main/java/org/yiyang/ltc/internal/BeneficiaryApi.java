package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.InsuredPeriod;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Insured status and LTC beneficiaries: recorded by the LTC office, read within the jurisdiction or by provider. */
@RestController
@Tag(name = "ltc")
class BeneficiaryApi {
    private final InsuredRegistry insured;
    private final BeneficiaryRegistry beneficiaries;

    BeneficiaryApi(InsuredRegistry insured, BeneficiaryRegistry beneficiaries) {
        this.insured = insured;
        this.beneficiaries = beneficiaries;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping(path = "/api/v1/ltc/insured/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import insured status from CSV (idNumber,insuredType,validFrom[,validTo])",
            description = "202 with the job id; rejected rows at /api/v1/jobs/{id}; a rerun changes nothing")
    ResponseEntity<Map<String, Object>> importInsured(@RequestParam("file") MultipartFile file, Actor actor)
            throws IOException {
        UUID job = insured.importFile(file.getBytes(), actor);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job)).body(Map.of("jobId", job));
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/persons/{id}/insured")
    @Operation(summary = "Record an insured period of a person", description = "404 outside the jurisdiction")
    ResponseEntity<InsuredPeriod> recordInsured(@PathVariable UUID id, @RequestBody InsuredRegistry.NewInsured body,
                                                Actor actor) {
        return ResponseEntity.status(201).body(insured.record(id, body, actor));
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @GetMapping("/api/v1/ltc/persons/{id}/insured")
    @Operation(summary = "A person's insured periods", description = "404 outside the jurisdiction")
    List<InsuredPeriod> insuredPeriods(@PathVariable UUID id, Actor actor) {
        return insured.periods(id, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/beneficiaries")
    @Operation(summary = "Record a beneficiary (level entered by the officer from the agency's conclusion)",
            description = "422 naming each bad field; 409 LTC_BENEFICIARY_EXISTS for an overlapping period")
    ResponseEntity<Beneficiary> register(@RequestBody BeneficiaryRegistry.NewBeneficiary body, Actor actor) {
        Beneficiary b = beneficiaries.register(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/ltc/beneficiaries/" + b.id())).body(b);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/beneficiaries")
    @Operation(summary = "Beneficiaries within the jurisdiction, or of the caller's provider")
    List<Beneficiary> list(Actor actor) {
        return beneficiaries.list(actor);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/beneficiaries/{id}")
    @Operation(summary = "One beneficiary with hospital stays", description = "404 outside the scope")
    Beneficiary find(@PathVariable UUID id, Actor actor) {
        return beneficiaries.find(id, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/beneficiaries/{id}/end")
    @Operation(summary = "End the benefit: DEATH, IMPROVEMENT, EXPIRY or AGREEMENT_ENDED on a day")
    Beneficiary end(@PathVariable UUID id, @RequestBody BeneficiaryRegistry.Ending body, Actor actor) {
        return beneficiaries.end(id, body, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/beneficiaries/{id}/hospital-stays")
    @Operation(summary = "Record a hospital stay; benefits are suspended from admission to the day before discharge")
    Beneficiary hospitalStay(@PathVariable UUID id, @RequestBody BeneficiaryRegistry.NewStay body, Actor actor) {
        return beneficiaries.addHospitalStay(id, body, actor);
    }
}
