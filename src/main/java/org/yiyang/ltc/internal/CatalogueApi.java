package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** The service-item catalogue versions: listed, and the official catalogue imported, by the LTC office. */
@RestController
@Tag(name = "ltc")
class CatalogueApi {
    private final CatalogueImports imports;

    CatalogueApi(CatalogueImports imports) {
        this.imports = imports;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping(path = "/api/v1/ltc/catalogue/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the official service-item catalogue (CSV or .xlsx) as a new OFFICIAL version",
            description = "Columns code,name,category,unit,unitPriceFen,levels[,subCategory,consumable,groups,"
                    + "qualification]. 202 with the job id; rejected rows at /api/v1/jobs/{id}. The version is "
                    + "created only from a file without rejected rows; a rerun of the same file changes nothing")
    ResponseEntity<Map<String, Object>> importCatalogue(@RequestParam("file") MultipartFile file,
                                                        @RequestParam(required = false) String versionCode,
                                                        @RequestParam(required = false) String effectiveFrom,
                                                        @RequestParam(required = false) String docNo,
                                                        @RequestParam(required = false) String issuer, Actor actor)
            throws IOException {
        var outcome = imports.importFile(file.getBytes(),
                new CatalogueImports.NewVersion(versionCode, effectiveFrom, docNo, issuer), actor);
        Map<String, Object> body = new HashMap<>();
        body.put("jobId", outcome.jobId());
        body.put("createdVersion", outcome.createdVersion());
        body.put("rows", outcome.rows());
        body.put("rejected", outcome.rejected());
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + outcome.jobId())).body(body);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @GetMapping("/api/v1/ltc/catalogue/versions")
    @Operation(summary = "The catalogue versions, shipped and imported, with their status (OFFICIAL or SAMPLE)")
    List<Map<String, Object>> versions(Actor actor) {
        return imports.versions(actor).stream().map(c -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", c.id());
            m.put("docNo", c.docNo());
            m.put("issuer", c.issuer());
            m.put("effectiveFrom", c.effectiveFrom().toString());
            m.put("status", c.status().name());
            m.put("stamp", c.stamp());
            m.put("items", c.items().size());
            return m;
        }).toList();
    }
}
