package org.yiyang.person.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.person.PersonalDataReencryption;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** After a key rotation, the security administrator moves the registry's personal data to the current key. */
@PreAuthorize(Access.SECURITY_ADMIN)
@RestController
@Tag(name = "security")
class ReencryptionApi {
    private final PersonalDataReencryption reencryption;

    ReencryptionApi(PersonalDataReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @Operation(summary = "Re-encrypt personal data still under an older key (a job; rerun to resume)")
    @PostMapping("/api/v1/security/reencryption")
    ResponseEntity<Map<String, UUID>> start(Actor actor) {
        UUID job = reencryption.start(actor);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job)).body(Map.of("job", job));
    }
}
