package dev.rebound.kafka.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BearerTokenFilterTest {

    private final BearerTokenFilter filter = new BearerTokenFilter("s3cret-token-0123456789");

    @Test
    void readsOfQueryEndpointsAreOpen() throws Exception {
        assertThat(run("GET", "/errors", null).getStatus()).isEqualTo(200);
        assertThat(run("GET", "/actuator/health/readiness", null).getStatus()).isEqualTo(200);
    }

    @Test
    void mutatingRequestsNeedTheToken() throws Exception {
        MockHttpServletResponse refused = run("POST", "/classify", null);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.getContentAsString()).contains("\"field\":\"Authorization\"");

        assertThat(run("PUT", "/fingerprints/abc", "Bearer wrong").getStatus()).isEqualTo(401);
        assertThat(run("DELETE", "/fingerprints/abc", "Bearer s3cret-token-0123456789").getStatus()).isEqualTo(200);
        assertThat(run("POST", "/classify", "bearer s3cret-token-0123456789").getStatus()).isEqualTo(200);
    }

    @Test
    void deadLettersNeedTheTokenEvenToRead() throws Exception {
        assertThat(run("GET", "/dlt", null).getStatus()).isEqualTo(401);
        assertThat(run("GET", "/dlt", "Bearer s3cret-token-0123456789").getStatus()).isEqualTo(200);
    }

    @Test
    void encodedOrParameterisedPathsToDeadLettersNeedTheTokenToo() throws Exception {
        assertThat(run("GET", "/dlt;x=1", null).getStatus()).isEqualTo(401);
        assertThat(run("GET", "/%64lt", null).getStatus()).isEqualTo(401);
        assertThat(run("GET", "//dlt", null).getStatus()).isEqualTo(401);
        assertThat(run("GET", "/dlt/", null).getStatus()).isEqualTo(401);
    }

    @Test
    void theProblemBodyIsValidJsonWhateverThePath() throws Exception {
        MockHttpServletResponse refused = run("POST", "/a\"b", null);
        assertThat(dev.rebound.contracts.WireJson.mapper().readTree(refused.getContentAsString()).path("instance").asText())
                .isEqualTo("/a\"b");
    }

    private MockHttpServletResponse run(String method, String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath("");
        request.setPathInfo(null);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
