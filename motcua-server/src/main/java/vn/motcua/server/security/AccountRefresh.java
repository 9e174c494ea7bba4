package vn.motcua.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Re-reads the signed-in local account on every request, so an administrator's change applies on the user's next
 * request: a disabled (or deleted) account's session is ended there and then, a new office or new roles replace the ones
 * the session was opened with. One primary-key read per request; the alternative (a per-user version column checked
 * per request) costs the same read and would still need the reload when the version moved. A lockout does not end a
 * session: it comes from failed logins, which anyone who knows the username can cause.
 * Not a bean: registered in the security chains only (a bean filter would also run outside them).
 */
final class AccountRefresh extends OncePerRequestFilter {

    private final UserDirectory users;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountRefresh(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = holder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof DeskUser seen) {
            Optional<DeskUser> fresh = users.find(seen.username()).filter(DeskUser::isEnabled);
            if (fresh.isEmpty()) {
                holder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                DeskUser now = fresh.get().withoutPassword();
                if (!now.equals(seen)) {
                    SecurityContext context = holder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null,
                            now.getAuthorities()));
                    holder.setContext(context);
                    if (request.getSession(false) != null) {
                        sessions.saveContext(context, request, response);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
