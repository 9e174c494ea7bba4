package vn.motcua.server.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.server.dossier.DeskException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rules an administrator-set password must meet: a minimum length ({@code motcua.security.password-min-length},
 * 10 by default), at most 72 bytes (bcrypt ignores the rest), not the username, not in the built-in list of common
 * passwords ({@code common-passwords.txt}, compared without case). Each refusal is a {@link DeskException} with its own key.
 */
@Component
public class PasswordPolicy {

    /** bcrypt reads only this many bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(@Value("${motcua.security.password-min-length:10}") int minLength) {
        if (minLength < 1 || minLength > MAX_BYTES) {
            throw new IllegalArgumentException("motcua.security.password-min-length must be 1.." + MAX_BYTES);
        }
        this.minLength = minLength;
        this.common = load();
    }

    public int minLength() {
        return minLength;
    }

    /** Throws a 400 {@link DeskException} naming the first rule the password breaks. */
    public void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.passwordShort", minLength);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.passwordLong", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.passwordUsername");
        }
        if (common.contains(lower)) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.passwordCommon");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
