package vn.motcua.domain;


/**
 * A code typed or read from data does not follow its standard (agency identifier, dossier code, result code).
 * The key says what is wrong ({@code code.agency.format}, {@code code.dossier.date} ...); the first argument is the input.
 */
public final class InvalidCodeException extends DomainException {

    public InvalidCodeException(String key, Object... args) {
        super(key, args);
    }
}
