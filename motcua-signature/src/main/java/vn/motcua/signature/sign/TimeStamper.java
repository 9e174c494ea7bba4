package vn.motcua.signature.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.motcua.signature.sign.SigningException.Reason;

/** RFC 3161 client: asks the TSA to stamp a digest, checks the reply answers this request. */
final class TimeStamper {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A private BouncyCastle instance (not installed JVM-wide) for TSA signature algorithms like RSASSA-PSS. */
    private static final Provider BC = new BouncyCastleProvider();

    private TimeStamper() {
    }

    /** Time-stamps {@code data} (the signature value, for a signature time-stamp) hashed with {@code digest}. */
    static TimeStampToken stamp(URI tsa, byte[] data, String digest, Duration timeout) throws SigningException {
        byte[] imprint;
        try {
            imprint = MessageDigest.getInstance(digest).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        TimeStampRequest request = gen.generate(digestOid(digest), imprint, new BigInteger(64, RANDOM));
        try {
            byte[] reply = Http.post(tsa, "application/timestamp-query", request.getEncoded(), timeout);
            TimeStampResponse response = new TimeStampResponse(reply);
            // checks status granted, imprint, nonce, policy (if requested) and that the token's signer certificate is the
            // one named in its ESS attribute
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new SigningException(Reason.TIMESTAMP_FAILED, response.getStatusString());
            }
            verifySignature(token);
            return token;
        } catch (IOException | TSPException | RuntimeException e) {
            throw new SigningException(Reason.TIMESTAMP_FAILED, e, e.getMessage());
        }
    }

    /** The token must be signed by the certificate it names and carries (we asked for it with certReq). */
    private static void verifySignature(TimeStampToken token) throws SigningException, TSPException {
        var matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new SigningException(Reason.TIMESTAMP_FAILED, "TSA certificate missing from the token");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                    .build((X509CertificateHolder) matches.iterator().next()));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new SigningException(Reason.TIMESTAMP_FAILED, e, e.getMessage());
        }
    }

    static ASN1ObjectIdentifier digestOid(String digest) {
        return switch (digest) {
            case "SHA-256" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384;
            case "SHA-512" -> org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512;
            default -> throw new IllegalArgumentException(digest);
        };
    }
}
