package org.yiyang.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After a correct password, a user who needs a second factor is held at {@code /mfa} until a valid code is given:
 * every other page redirects there, except logout and static resources.
 */
class MfaGate extends OncePerRequestFilter {
    static final String PENDING = "yiyang.mfa.pending";
    static final String PASSWORD_CHANGE = "yiyang.password.change";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) != null && !allowedWhilePending(request)) {
            response.sendRedirect(request.getContextPath() + "/mfa");
            return;
        }
        if (session != null && session.getAttribute(PASSWORD_CHANGE) != null && !allowedWhilePending(request)
                && !request.getRequestURI().endsWith("/account/password")) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhilePending(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/mfa") || path.startsWith("/mfa/") || path.equals("/logout") || path.equals("/login")
                || path.startsWith("/css/") || path.startsWith("/webjars/") || path.equals("/error");
    }

    /**
     * Marks the session pending when the user needs a second factor, and for a password change when one is due
     * (e.g. the first administrator), then continues as a normal login.
     */
    static class SuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final SecondFactor secondFactor;
        private final PasswordChange passwordChange;

        SuccessHandler(SecondFactor secondFactor, PasswordChange passwordChange) {
            this.secondFactor = secondFactor;
            this.passwordChange = passwordChange;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, ServletException {
            if (authentication.getPrincipal() instanceof UserPrincipal user
                    && passwordChange.mustChange(user.actor().userId())) {
                request.getSession().setAttribute(PASSWORD_CHANGE, Boolean.TRUE);
            }
            if (authentication.getPrincipal() instanceof UserPrincipal user && secondFactor.required(user.actor())) {
                request.getSession().setAttribute(PENDING, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + "/mfa");
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
