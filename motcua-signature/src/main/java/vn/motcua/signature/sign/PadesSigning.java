package vn.motcua.signature.sign;

/** Entry point of the facade {@code vn.motcua.signature.Signatures} into this package. */
public final class PadesSigning {

    private PadesSigning() {
    }

    /** One-shot signing with a local key (PKCS#12 or PKCS#11): prepare, sign the attributes, complete. */
    public static byte[] sign(byte[] pdf, SigningKey key, SignOptions options) throws SigningException {
        return PadesEngine.sign(pdf, key, options);
    }
}
