package vn.motcua.server.security;

import vn.motcua.domain.office.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sessions with form login for people and API clients alike; CSRF on every state-changing request (the token travels in
 * the {@code XSRF-TOKEN} cookie for API clients, as a hidden field in forms). Roles guard URLs coarsely here; the office
 * scoping and the per-state rules are checked in the dossier service, where the dossier is known.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} today; the prefix lets stored hashes move to a stronger algorithm without a flag day.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserDirectory users, @Value("${motcua.store:embedded}") String store)
            throws Exception {
        refreshLocalAccounts(http, users, store);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.spa())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserDirectory users, @Value("${motcua.store:embedded}") String store)
            throws Exception {
        refreshLocalAccounts(http, users, store);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/lookup/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers("/sign/**").hasRole(Role.LEADER.name())
                        .requestMatchers("/reception/**").hasRole(Role.RECEPTION.name())
                        .anyRequest().authenticated())
                .csrf(c -> c.spa())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Local accounts only: in the Alfresco mode the office and roles come from Alfresco's groups at each login. */
    private static void refreshLocalAccounts(HttpSecurity http, UserDirectory users, String store) {
        if (!"alfresco".equals(store)) {
            http.addFilterBefore(new AccountRefresh(users), AuthorizationFilter.class);
        }
    }
}
