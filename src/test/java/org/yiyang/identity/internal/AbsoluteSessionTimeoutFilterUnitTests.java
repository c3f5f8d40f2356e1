package org.yiyang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A session older than the absolute timeout ends however active it was; a younger one passes. */
class AbsoluteSessionTimeoutFilterUnitTests {

    @Test
    void endsASessionOlderThanTheAbsoluteTimeout() throws Exception {
        var session = new MockHttpSession();
        var request = new MockHttpServletRequest("GET", "/persons");
        request.setSession(session);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        // a negative timeout makes every session "older" than it, whatever the clock says
        new AbsoluteSessionTimeoutFilter(Duration.ofMillis(-1)).doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
    }

    @Test
    void letsAYoungerSessionThrough() throws Exception {
        var session = new MockHttpSession();
        var request = new MockHttpServletRequest("GET", "/persons");
        request.setSession(session);
        var chain = new MockFilterChain();

        new AbsoluteSessionTimeoutFilter(Duration.ofHours(12)).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(session.isInvalid()).isFalse();
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
