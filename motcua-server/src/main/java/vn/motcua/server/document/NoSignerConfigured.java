package vn.motcua.server.document;

import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * No signer is configured yet: the result is recorded (code, history) and its document stored as it was, unsigned.
 * A {@code @Primary} {@link ResultSigner} bean replaces it.
 */
@Component
public class NoSignerConfigured implements ResultSigner {

    @Override
    public SignedResult sign(byte[] pdf, String resultCode, String leaderUserId, Instant at) {
        return new SignedResult(pdf, false);
    }
}
