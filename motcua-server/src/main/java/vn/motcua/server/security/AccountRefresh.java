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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Re-reads the signed-in local account on every request, so an administrator's change applies on the user's next
 * request: a disabled (or deleted) account's session is ended there and then, and so is every session opened before a
 * password reset (a reset usually means the old password leaked); a new office or new roles replace the ones the
 * session was opened with. One primary-key read per request; the alternative (a per-user version column checked
 * per request) costs the same read and would still need the reload when the version moved. A lockout does not end a
 * session: it comes from failed logins, which anyone who knows the username can cause.
 * Not a bean: registered in the security chains only (a bean filter would also run outside them).
 */
final class AccountRefresh extends OncePerRequestFilter {

    private static final String STAMP = AccountRefresh.class.getName() + ".password";

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
            HttpSession session = request.getSession(false);
            if (fresh.isEmpty() || !samePassword(session, seen, fresh.get())) {
                holder.clearContext();
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
                    if (session != null) {
                        sessions.saveContext(context, request, response);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the password is still the one the session was opened with. The session keeps a digest of the username and
     * password hash (never the hash itself), taken on its first request after the login from the principal the login
     * stored, which still carries the hash it was authenticated with.
     */
    private static boolean samePassword(HttpSession session, DeskUser seen, DeskUser fresh) {
        if (session == null) {
            return true;
        }
        Object stored = session.getAttribute(STAMP);
        if (stored == null || !stored.toString().startsWith(fresh.username() + ":")) {
            stored = stamp(seen.passwordHash().isEmpty() ? fresh : seen);
            session.setAttribute(STAMP, stored);
        }
        return stored.equals(stamp(fresh));
    }

    private static String stamp(DeskUser user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.passwordHash().getBytes(StandardCharsets.UTF_8));
            return user.username() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
