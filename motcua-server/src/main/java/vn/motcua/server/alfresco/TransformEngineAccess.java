package vn.motcua.server.alfresco;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Who may call the T-Engine endpoints. Alfresco's repository calls them without any credentials (the transform client has
 * no way to send one), so they are open to the configured networks only — by default the loopback and the private ranges a
 * Docker network uses — and closed to everyone else, with no session and no CSRF (no browser is involved).
 */
final class TransformEngineAccess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] PATHS = {"/transform", "/transform/**", "/ready", "/live", "/version"};

    private TransformEngineAccess() {
    }

    private static void deny(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(
                TransformEngine.error(HttpStatus.FORBIDDEN, "transform.forbidden").getBody()));
    }

    static SecurityFilterChain chain(HttpSecurity http, String allowedNetworks) throws Exception {
        List<IpAddressMatcher> networks = Arrays.stream(allowedNetworks.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
        AuthorizationManager<RequestAuthorizationContext> fromAllowedNetwork = (authentication, context) ->
                new AuthorizationDecision(networks.stream().anyMatch(n -> n.matches(context.getRequest())));
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(a -> a.anyRequest().access(fromAllowedNetwork))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Callers are anonymous, so a refusal goes through the entry point; both answer the same 403.
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> deny(response))
                        .accessDeniedHandler((request, response, denied) -> deny(response)));
        return http.build();
    }
}
