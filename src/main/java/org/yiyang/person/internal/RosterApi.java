package org.yiyang.person.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/**
 * Rosters (低保/特困 lists, deaths, hukou moves) as files or rows sent by other systems; the job's progress and
 * rejected rows are at {@code /api/v1/jobs/{id}}.
 */
@PreAuthorize(Access.RESIDENT_REGISTRARS)
@RestController
@Tag(name = "persons")
class RosterApi {
    private final ResidentRosters rosters;

    RosterApi(ResidentRosters rosters) {
        this.rosters = rosters;
    }

    @PostMapping(path = "/api/v1/persons/rosters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Apply a roster file: type TAGS (idNumber, tag, validFrom, validTo), DEATHS (idNumber, "
            + "deathDate) or HUKOU_MOVES (idNumber, hukouRegion, movedOn)",
            description = "Answers 202 with the job id; bad rows are reported per row, good rows kept; a rerun "
                    + "changes nothing")
    ResponseEntity<Map<String, Object>> file(@RequestParam("type") String type,
                                             @RequestParam("file") MultipartFile file, Actor actor)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return accepted(rosters.importFile(ResidentRosters.type(type), name, file.getBytes(), actor));
    }

    /** Rows sent by another system, with the same columns as the file. */
    record Rows(@Nullable List<Map<String, String>> rows) {
    }

    @PostMapping(path = "/api/v1/persons/rosters/rows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply roster rows sent as JSON ({\"rows\": [{\"idNumber\": …, \"deathDate\": …}]})")
    ResponseEntity<Map<String, Object>> rows(@RequestParam("type") String type, @RequestBody Rows body,
                                             Actor actor) {
        return accepted(rosters.importRows(ResidentRosters.type(type), body.rows(), actor));
    }

    private static ResponseEntity<Map<String, Object>> accepted(UUID job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job)).body(Map.of("jobId", job));
    }
}
