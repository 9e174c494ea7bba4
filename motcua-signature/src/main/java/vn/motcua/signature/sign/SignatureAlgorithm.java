package vn.motcua.signature.sign;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signature algorithms the signer offers. RSASSA-PSS with SHA-256 is the default for RSA keys (Circular 15/2025/TT-BKHCN);
 * PKCS#1 v1.5 only on request, for relying parties that cannot verify PSS yet.
 */
public enum SignatureAlgorithm {
    RSA_PSS_SHA256("RSA", "SHA-256", true),
    RSA_PSS_SHA384("RSA", "SHA-384", true),
    RSA_PSS_SHA512("RSA", "SHA-512", true),
    RSA_SHA256("RSA", "SHA-256", false),
    RSA_SHA384("RSA", "SHA-384", false),
    RSA_SHA512("RSA", "SHA-512", false),
    ECDSA_SHA256("EC", "SHA-256", false),
    ECDSA_SHA384("EC", "SHA-384", false),
    ECDSA_SHA512("EC", "SHA-512", false);

    private final String keyAlgorithm;
    private final String digest;
    private final boolean pss;

    SignatureAlgorithm(String keyAlgorithm, String digest, boolean pss) {
        this.keyAlgorithm = keyAlgorithm;
        this.digest = digest;
        this.pss = pss;
    }

    /** "RSA" or "EC": the key type this algorithm needs. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** JCA digest name, e.g. "SHA-256". */
    public String digest() {
        return digest;
    }

    public boolean pss() {
        return pss;
    }

    /** The default for a key type: RSASSA-PSS/SHA-256 for RSA, ECDSA/SHA-256 for EC. */
    public static SignatureAlgorithm defaultFor(String keyAlgorithm) {
        return "EC".equalsIgnoreCase(keyAlgorithm) || "ECDSA".equalsIgnoreCase(keyAlgorithm)
                ? ECDSA_SHA256 : RSA_PSS_SHA256;
    }

    /** JCA signature name; for PSS the parameters come from {@link #pssParameters()}. */
    String jcaName() {
        String d = digest.replace("-", "");
        if (pss) {
            return "RSASSA-PSS";
        }
        return "EC".equals(keyAlgorithm) ? d + "withECDSA" : d + "withRSA";
    }

    /** BouncyCastle name, used to find the CMS AlgorithmIdentifier (PSS parameters included). */
    String bcName() {
        String d = digest.replace("-", "");
        if (pss) {
            return d + "withRSAandMGF1";
        }
        return jcaName();
    }

    /** PSS with MGF1 over the same digest and a salt as long as the digest, trailer 1 (what RFC 4055 recommends). */
    AlgorithmParameterSpec pssParameters() {
        int salt = switch (digest) {
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> 32;
        };
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), salt, 1);
    }
}
