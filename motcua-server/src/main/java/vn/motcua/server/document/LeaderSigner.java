package vn.motcua.server.document;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.sign.SigningException;
import vn.motcua.signature.sign.SigningKey;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one {@link ResultSigner} the dossier service calls at SIGN_RESULT. It signs with the key configured at start, or,
 * for a PKCS#11 token whose PIN is not configured, with the key opened by the PIN the leader types for this one action
 * ({@link #withPin}), or stores signed bytes produced outside the server ({@link #withSignedResult}). Both per-action
 * signers are bound to the calling thread only for the duration of the action, so the SIGN_RESULT transition stays the
 * single place where a result is recorded.
 */
public final class LeaderSigner implements ResultSigner, DisposableBean {

    /** Opens the token with a PIN (PKCS#11 in production). */
    @FunctionalInterface
    interface KeyOpener {
        SigningKey open(char[] pin) throws SigningException;
    }

    /**
     * PKCS#11 login is per process, not per session: while one PIN-opened action holds the token logged in, another
     * opening accepts any PIN, and its close logs the first one out mid-signature. One PIN-opened action at a time.
     */
    private static final Object TOKEN_LOGIN = new Object();

    private final ResultSigner configured;
    private final KeyOpener pinPrompt;
    private final Function<SigningKey, ConfiguredResultSigner> signerWithKey;
    private final ResultSigner unsigned;
    private final ThreadLocal<ResultSigner> once = new ThreadLocal<>();

    /**
     * @param configured    the signer whose key was opened at start, or null
     * @param pinPrompt     opens the token with the leader's PIN, or null when no PIN is asked
     * @param signerWithKey the configured signature settings (level, TSA, visible block) around a key
     * @param unsigned      what happens when nothing is configured: the result is stored unsigned
     */
    LeaderSigner(ResultSigner configured, KeyOpener pinPrompt, Function<SigningKey, ConfiguredResultSigner> signerWithKey,
                 ResultSigner unsigned) {
        this.configured = configured;
        this.pinPrompt = pinPrompt;
        this.signerWithKey = signerWithKey;
        this.unsigned = unsigned;
    }

    /** Whether the Ký số page must ask the leader for the token's PIN. */
    public boolean asksForPin() {
        return pinPrompt != null;
    }

    /** Whether results are signed on the server (configured key or PIN prompt). */
    public boolean signsOnServer() {
        return configured != null || pinPrompt != null;
    }

    @Override
    public SignedResult sign(byte[] pdf, String resultCode, String leaderUserId, Instant at) {
        ResultSigner bound = once.get();
        if (bound != null) {
            return bound.sign(pdf, resultCode, leaderUserId, at);
        }
        if (pinPrompt != null) {
            // Without the PIN the token cannot sign; storing the result unsigned would hide that.
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.pinRequired");
        }
        return (configured != null ? configured : unsigned).sign(pdf, resultCode, leaderUserId, at);
    }

    /**
     * Opens the token with {@code pin}, runs {@code action} (which applies SIGN_RESULT) signing with that key, then closes
     * the key. The PIN array is zeroed whatever happens; a PIN the token refuses is a 422 and the action does not run.
     * Concurrent calls wait for each other (see {@link #TOKEN_LOGIN}).
     */
    public <T> T withPin(char[] pin, Supplier<T> action) {
        if (pinPrompt == null) {
            Arrays.fill(pin, '\0');
            throw new DeskException(HttpStatus.CONFLICT, "error.signing.pinNotAsked");
        }
        synchronized (TOKEN_LOGIN) {
            SigningKey key;
            try {
                key = pinPrompt.open(pin);
            } catch (SigningException e) {
                throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.pin", e.reason().name());
            } finally {
                Arrays.fill(pin, '\0');
            }
            ConfiguredResultSigner signer = signerWithKey.apply(key);
            try {
                return withSignedResult(signer, action);
            } finally {
                signer.destroy();
            }
        }
    }

    /** Runs {@code action} (which applies SIGN_RESULT) with {@code signer} producing the result document. */
    public <T> T withSignedResult(ResultSigner signer, Supplier<T> action) {
        once.set(signer);
        try {
            return action.get();
        } finally {
            once.remove();
        }
    }

    @Override
    public void destroy() throws Exception {
        if (configured instanceof DisposableBean d) {
            d.destroy();
        }
    }
}
