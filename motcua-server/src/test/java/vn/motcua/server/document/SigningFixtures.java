package vn.motcua.server.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.motcua.signature.sign.SignatureLevel;
import vn.motcua.signature.sign.SigningKey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Keys, self-issued certificates, key stores and PDFs for the desk's signing tests. */
final class SigningFixtures {

    private SigningFixtures() {
    }

    /** A one-page PDF with nothing on it: a draft result to sign. */
    static byte[] blankPdf() {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.addPage(new PDPage());
            d.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ECDSA P-256 key pair: the leader's token in the two-step signing tests. */
    static KeyPair ecP256() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    static KeyPair rsa2048() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /**
     * A self-issued certificate valid from 30 days ago for ten years (the test clock of other tests only moves forward).
     *
     * @param ca       true/false adds a critical basicConstraints extension; null adds none
     * @param keyUsage KeyUsage bits for a critical keyUsage extension; 0 adds none
     */
    static X509Certificate selfIssued(KeyPair pair, String dn, String signatureAlgorithm, Boolean ca, int keyUsage)
            throws Exception {
        X500Name name = new X500Name(dn);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(30))), Date.from(now.plus(Duration.ofDays(3650))), name,
                pair.getPublic());
        if (ca != null) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        }
        if (keyUsage != 0) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
    }

    /** Writes a PKCS#12 file holding the key under the alias "leader", protected by {@code password}. */
    static Path pkcs12(Path file, KeyPair pair, X509Certificate cert, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("leader", pair.getPrivate(), password.toCharArray(), new Certificate[]{cert});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return file;
    }

    static byte[] pem(X509Certificate c) throws Exception {
        return ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The configured signer with the defaults: PAdES B-B, no TSA, invisible. */
    static ConfiguredResultSigner invisibleSigner(SigningKey key) {
        return new ConfiguredResultSigner(key, SignatureLevel.B_B, null,
                new ConfiguredResultSigner.Images(null, null, ""), new ConfiguredResultSigner.Placement(0, 0, 0));
    }
}
