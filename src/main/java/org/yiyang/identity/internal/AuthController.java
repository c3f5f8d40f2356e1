package org.yiyang.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API login: credentials in, a bearer token out. Every failure gets the same 401. */
@PreAuthorize(Access.PUBLIC)
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthController {
    private final LoginGuard authentication;
    private final ApiTokens tokens;
    private final SecondFactor secondFactor;

    AuthController(LoginGuard authentication, ApiTokens tokens, SecondFactor secondFactor) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
    }

    /** {@code totp}: the current code of the user's authenticator, required for administrators and enrolled users. */
    record Credentials(String username, String password, @org.jspecify.annotations.Nullable String totp) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    record Token(String token, Instant expiresAt) {
    }

    @Operation(summary = "Exchange a username and password for a bearer token")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@RequestBody Credentials credentials) {
        try {
            if (credentials.username() == null || credentials.password() == null) {
                throw new org.springframework.security.authentication.BadCredentialsException("missing");
            }
            var auth = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
            var user = (UserPrincipal) auth.getPrincipal();
            if (secondFactor.required(user.actor()) && !secondFactor.verify(user.actor(), credentials.totp())) {
                throw new org.springframework.security.authentication.BadCredentialsException("second factor");
            }
            var issued = tokens.issue(user.actor().userId());
            return ResponseEntity.ok(new Token(issued.token(), issued.expiresAt()));
        } catch (AuthenticationException e) {
            var body = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
            body.setType(java.net.URI.create("urn:yiyang:problem:bad-credentials"));
            body.setTitle("Bad credentials");
            body.setProperty("code", "BAD_CREDENTIALS");
            body.setProperty("errors", java.util.List.of());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
    }
}
