package org.yiyang.person.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.person.ResidentImports;
import org.yiyang.shared.Actor;

/** Starts a resident import; the job's progress and rejected rows are at {@code /api/v1/jobs/{id}}. */
@PreAuthorize(Access.RESIDENT_REGISTRARS)
@RestController
@Tag(name = "persons")
class ResidentImportApi {
    private final ResidentImports imports;

    ResidentImportApi(ResidentImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/persons/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import residents from CSV (UTF-8, header row) or .xlsx",
            description = "Answers 202 with the job id; bad rows are reported per row, good rows kept; "
                    + "a rerun of the same file changes nothing")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam("file") MultipartFile file, Actor actor)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        UUID job = imports.importFile(name, file.getBytes(), actor);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job))
                .body(Map.of("jobId", job));
    }
}
