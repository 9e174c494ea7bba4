package vn.motcua.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import vn.motcua.signature.sign.ExternalSigning;
import vn.motcua.signature.sign.PadesSigning;
import vn.motcua.signature.sign.PendingSignatureStore;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.sign.SigningException;
import vn.motcua.signature.sign.SigningKey;
import vn.motcua.signature.verify.SignatureReport;
import vn.motcua.signature.verify.Verification;
import vn.motcua.signature.verify.VerificationException;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

/**
 * The module's facade: verify signed PDFs (PAdES / adbe.pkcs7), detached and enveloping CMS (CAdES), and sign.
 * Verification never throws for a bad signature: the report says INVALID or INDETERMINATE and why. It throws
 * {@link VerificationException} only when the input is not a PDF or CMS at all.
 */
public final class Signatures {

    private Signatures() {
    }

    /** Verifies a PDF or an enveloping CMS (.p7s/.p7m with the content inside), detected from the file's first bytes. */
    public static VerificationReport verify(Path file, VerificationOptions options) throws VerificationException {
        return Verification.verify(file, options);
    }

    /** Verifies a detached CMS signature over {@code data}. */
    public static VerificationReport verifyDetached(Path signature, Path data, VerificationOptions options)
            throws VerificationException {
        return Verification.verifyDetached(signature, data, options);
    }

    /**
     * The bytes the given PDF signature covers ("what was signed"): the file's revision up to the end of that
     * signature's /ByteRange. The caller closes the stream.
     */
    public static InputStream openSignedRevision(Path pdf, SignatureReport signature) throws IOException {
        return Verification.openSignedRevision(pdf, signature);
    }

    /**
     * Signs a PDF as PAdES (B-B, B-T or B-LT per {@code options}) in an incremental update, so earlier signatures stay
     * intact. Returns the signed file.
     */
    public static byte[] sign(byte[] pdf, SigningKey key, SignOptions options) throws SigningException {
        return PadesSigning.sign(pdf, key, options);
    }

    /**
     * Two-step signing for keys outside this process (browser token plugins, remote-signing services): prepare returns
     * the hash to sign and a handle, complete takes the device's signature. Handles live for {@code handleLifetime}.
     */
    public static ExternalSigning externalSigning(Duration handleLifetime) {
        return new ExternalSigning(handleLifetime);
    }

    /**
     * Two-step signing whose pending signatures wait in {@code store}: a store shared by several instances (a database
     * table) lets any of them complete a handle, also after a restart; a handle still completes once.
     */
    public static ExternalSigning externalSigning(Duration handleLifetime, PendingSignatureStore store) {
        return new ExternalSigning(handleLifetime, Clock.systemUTC(), ExternalSigning.DEFAULT_MAX_PENDING, store);
    }
}
