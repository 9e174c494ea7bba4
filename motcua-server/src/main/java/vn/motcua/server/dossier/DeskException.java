package vn.motcua.server.dossier;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An error of the desk itself (not of the domain rules): unknown dossier, another office's dossier, a stale version, a bad
 * upload. Carries a message key of the server's bundles and the HTTP status of the problem it becomes.
 */
public class DeskException extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final List<Object> args;

    public DeskException(HttpStatus status, String key, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = List.of(args);
    }

    public static DeskException notFound() {
        // Another office's dossier is reported exactly like a missing one, so ids reveal nothing.
        return new DeskException(HttpStatus.NOT_FOUND, "error.dossier.notFound");
    }

    public static DeskException staleVersion(long expected, long actual) {
        return new DeskException(HttpStatus.CONFLICT, "error.dossier.conflict", expected, actual);
    }

    public HttpStatus status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
