package vn.motcua.server.security;

import vn.motcua.domain.office.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** A signed-in officer: the office scopes everything they may see or do. */
public record DeskUser(String username, String passwordHash, String displayName, String officeId, Set<Role> roles,
                       boolean enabled, Instant lockedUntil) implements UserDetails, Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The session keeps the user without the password hash. */
    public DeskUser withoutPassword() {
        return new DeskUser(username, "", displayName, officeId, roles, enabled, lockedUntil);
    }
}
