package org.yiyang.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless with bearer tokens; pages use the login form and a
 * session. Deny by default: only login, health, static resources and the API documentation are open; every refusal
 * is audited. Strict security headers: a Content-Security-Policy without inline scripts, no framing, no sniffing.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    LoginGuard loginGuard(UserDirectory users, PasswordEncoder encoder, JdbcClient jdbc, AuditTrail audit,
                          ApiTokens tokens, SessionRegistry sessions, Clock clock,
                          @Value("${yiyang.security.lockout.max-failures:5}") int maxFailures,
                          @Value("${yiyang.security.lockout.duration:PT15M}") Duration lockFor,
                          @Value("${yiyang.security.lockout.delay-base:PT0.25S}") Duration delayBase) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new LoginGuard(new ProviderManager(provider), jdbc, audit, tokens, sessions, clock,
                new LoginGuard.Settings(maxFailures, lockFor, delayBase));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, LoginGuard guard, ApiTokens tokens, UserDirectory users,
                            AuditTrail audit) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(guard)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, users), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; "
                        + "frame-ancestors 'none'")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            audit.record(denial(req, "UNAUTHENTICATED", null));
                            problem(res, 401, "UNAUTHENTICATED");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            audit.record(denial(req, "ACCESS_DENIED", currentAuthentication()));
                            problem(res, 403, "ACCESS_REFUSED");
                        }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginGuard guard, SessionRegistry sessions, AuditTrail audit,
                              SecondFactor secondFactor, PasswordChange passwordChange,
                              @Value("${yiyang.security.session.absolute-timeout:PT12H}") Duration absolute)
            throws Exception {
        http.authenticationManager(guard)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/setup", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**",
                                "/webjars/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new MfaGate.SuccessHandler(secondFactor, passwordChange))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((req, res, auth) -> {
                            if (auth != null && auth.getPrincipal() instanceof UserPrincipal p) {
                                audit.record(AuditEvent.success("LOGOUT", p.actor(), "user", p.actor().userId()));
                            }
                        })
                        .permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .addFilterAfter(new AbsoluteSessionTimeoutFilter(absolute), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new MfaGate(), AbsoluteSessionTimeoutFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    audit.record(denial(req, "ACCESS_DENIED", currentAuthentication()));
                    res.sendError(403);
                }))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static Authentication currentAuthentication() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    }

    private static AuditEvent denial(HttpServletRequest req, String reason, Authentication auth) {
        var actor = auth != null && auth.getPrincipal() instanceof UserPrincipal p ? p.actor() : null;
        // the path is recorded without its query string: a query may carry search terms
        String endpoint = req.getMethod() + " " + req.getRequestURI();
        endpoint = endpoint.length() > 200 ? endpoint.substring(0, 200) : endpoint;
        return new AuditEvent("AUTHORIZATION_DENIED", actor, "endpoint", endpoint,
                AuditEvent.Outcome.FAILURE, reason, null, java.util.Map.of());
    }

    private static void problem(HttpServletResponse res, int status, String code) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"urn:yiyang:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')
                + "\",\"status\":" + status + ",\"code\":\"" + code + "\",\"errors\":[]}");
    }
}
