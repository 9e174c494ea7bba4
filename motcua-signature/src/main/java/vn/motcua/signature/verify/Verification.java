package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Entry points behind {@link vn.motcua.signature.Signatures}; not meant to be called directly. */
public final class Verification {
    private Verification() {
    }

    public static VerificationReport verify(Path file, VerificationOptions options) throws VerificationException {
        throw new UnsupportedOperationException("in progress");
    }

    public static VerificationReport verifyDetached(Path signature, Path data, VerificationOptions options)
            throws VerificationException {
        throw new UnsupportedOperationException("in progress");
    }

    public static InputStream openSignedRevision(Path pdf, SignatureReport signature) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }
}
