package dev.rebound.kafka.web;

import dev.rebound.contracts.WireJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Requires {@code Authorization: Bearer <token>} on every mutating request and on the dead-letter API (it
 * shows raw payloads); answers 401 with a problem+json body otherwise. Reads of health, metrics and
 * query endpoints stay open.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String PREFIX = "Bearer ";
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    static {
        PATHS.setUrlDecode(true);
        PATHS.setRemoveSemicolonContent(true);
    }

    private final byte[] token;

    public BearerTokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!protectedRequest(request) || authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rebound\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        boolean missing = request.getHeader(HttpHeaders.AUTHORIZATION) == null;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Unauthorized");
        problem.put("status", 401);
        problem.put("detail", missing ? "this endpoint needs the header Authorization: Bearer <token>"
                : "the bearer token is not valid");
        problem.put("field", "Authorization");
        problem.put("instance", request.getRequestURI());
        response.getWriter().write(WireJson.writeString(problem));
    }

    private static boolean protectedRequest(HttpServletRequest request) {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        // the path as the handler mapping sees it: decoded, without ;parameters, without repeated slashes
        String path = PATHS.getPathWithinApplication(request).replaceAll("/{2,}", "/");
        return path.equals("/dlt") || path.startsWith("/dlt/");
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
