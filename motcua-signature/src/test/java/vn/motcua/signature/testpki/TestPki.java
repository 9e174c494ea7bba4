package vn.motcua.signature.testpki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;

/**
 * A throw-away PKI for tests: root CA, intermediate CA, end-entity signers, a CRL, an OCSP responder and an RFC 3161
 * time-stamping authority, the last three served over HTTP on 127.0.0.1 on a random free port.
 *
 * <p>Every signer certificate carries the CRL distribution point, the OCSP URL and the caIssuers URL (the issuing CA's
 * certificate, DER) of this instance, so code that follows
 * certificate URLs (B-LT collection, online revocation checks) works against it. Key pairs are generated once per JVM and
 * reused (RSA key generation is the slow part); certificates, CRLs and servers are fresh per instance.
 *
 * <pre>{@code
 * try (TestPki pki = TestPki.start()) {
 *     Credential signer = pki.signer();              // RSA 2048, valid now
 *     String tsa = pki.tsaUrl();                     // POST application/timestamp-query
 * }
 * }</pre>
 */
public final class TestPki implements AutoCloseable {

    /** The policy OID the TSA puts in its tokens. */
    public static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final String baseUrl;
    private final AtomicLong serials = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong tsaSerials = new AtomicLong(1);
    /** Revoked serial number → revocation time, per issuer (root or intermediate). */
    private final Map<BigInteger, Instant> revokedByIntermediate = new ConcurrentHashMap<>();
    private final Map<BigInteger, Instant> revokedByRoot = new ConcurrentHashMap<>();
    private volatile Clock tsaClock = Clock.systemUTC();
    private volatile boolean ocspAvailable = true;
    private final AtomicLong ocspRequests = new AtomicLong();
    private final AtomicLong crlRequests = new AtomicLong();
    private final AtomicLong tsaRequests = new AtomicLong();

    private final Credential root;
    private final Credential intermediate;
    private final Credential ocspResponder;
    private final Credential tsa;
    private final Map<KeyType, Credential> signers = new EnumMap<>(KeyType.class);
    private final Credential revokedSigner;
    private final Credential expiredSigner;
    private final Credential notYetValidSigner;

    private TestPki() {
        // without TCP_NODELAY every small reply waits for the client's delayed ACK (~40 ms on Linux)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/crl/root.crl", ex -> serve(ex, "application/pkix-crl", () -> crlBytes(true)));
            server.createContext("/crl/intermediate.crl",
                    ex -> serve(ex, "application/pkix-crl", () -> crlBytes(false)));
            server.createContext("/ca/root.cer",
                    ex -> serve(ex, "application/pkix-cert", () -> caCertificate(true)));
            server.createContext("/ca/intermediate.cer",
                    ex -> serve(ex, "application/pkix-cert", () -> caCertificate(false)));
            server.createContext("/ocsp", this::handleOcsp);
            server.createContext("/tsa", this::handleTsa);
            server.start();

            Instant now = Instant.now();
            Instant caFrom = now.minus(Duration.ofDays(3650));
            Instant caTo = now.plus(Duration.ofDays(3650));
            KeyPair rootKeys = keys("root", KeyType.RSA_2048);
            X509Certificate rootCert = build(name("MotCua Test Root CA", "MotCua Test"), rootKeys.getPublic(),
                    name("MotCua Test Root CA", "MotCua Test"), rootKeys.getPrivate(), rootKeys.getPublic(),
                    caFrom, caTo, Profile.CA, false);
            root = new Credential(rootKeys.getPrivate(), List.of(rootCert));

            KeyPair intKeys = keys("intermediate", KeyType.RSA_2048);
            X509Certificate intCert = build(name("MotCua Test Issuing CA", "MotCua Test"), intKeys.getPublic(),
                    subject(rootCert), rootKeys.getPrivate(), rootKeys.getPublic(), caFrom, caTo, Profile.CA, true);
            intermediate = new Credential(intKeys.getPrivate(), List.of(intCert, rootCert));

            ocspResponder = issue("MotCua Test OCSP Responder", "MotCua Test", KeyType.RSA_2048, now.minus(
                    Duration.ofDays(365)), now.plus(Duration.ofDays(365)), Profile.OCSP);
            tsa = issue("MotCua Test TSA", "MotCua Test", KeyType.RSA_2048, caFrom, caTo, Profile.TSA);

            Instant from = now.minus(Duration.ofDays(30));
            Instant to = now.plus(Duration.ofDays(700));
            signers.put(KeyType.RSA_2048, issue("Nguyễn Văn An", "UBND Phường Bến Thành", KeyType.RSA_2048, from, to,
                    Profile.SIGNER));
            signers.put(KeyType.RSA_3072, issue("Trần Thị Bình", "UBND Phường Bến Thành", KeyType.RSA_3072, from, to,
                    Profile.SIGNER));
            signers.put(KeyType.EC_P256, issue("Lê Hoàng Cường", "Sở Nội vụ", KeyType.EC_P256, from, to,
                    Profile.SIGNER));
            revokedSigner = issue("Phạm Văn Dũng (revoked)", "UBND Phường Bến Thành", KeyType.RSA_2048, from, to,
                    Profile.SIGNER);
            revoke(revokedSigner.certificate(), now.minus(Duration.ofDays(1)));
            expiredSigner = issue("Hoàng Thị Em (expired)", "UBND Phường Bến Thành", KeyType.RSA_2048,
                    now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(400)), Profile.SIGNER);
            notYetValidSigner = issue("Đỗ Văn Phúc (not yet valid)", "UBND Phường Bến Thành", KeyType.RSA_2048,
                    now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(400)), Profile.SIGNER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the PKI and starts its HTTP server. Close it after the tests. */
    public static TestPki start() {
        return new TestPki();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- certificates and keys ----------------------------------------------------------------------------------

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate intermediateCertificate() {
        return intermediate.certificate();
    }

    /** Root CA key and self-signed certificate. */
    public Credential root() {
        return root;
    }

    /** Issuing CA: key and chain [intermediate, root]. */
    public Credential intermediate() {
        return intermediate;
    }

    /** The default signer: RSA 2048, valid from 30 days ago for about two years, Vietnamese name. */
    public Credential signer() {
        return signers.get(KeyType.RSA_2048);
    }

    public Credential signer(KeyType type) {
        return signers.get(type);
    }

    /** Revoked (reason keyCompromise) one day before the PKI was started; the CRL and OCSP say so. */
    public Credential revokedSigner() {
        return revokedSigner;
    }

    /** Valid from 800 days ago until 400 days ago. */
    public Credential expiredSigner() {
        return expiredSigner;
    }

    /** Valid from 30 days from now. */
    public Credential notYetValidSigner() {
        return notYetValidSigner;
    }

    /** The TSA's key and chain; the certificate has the critical extended key usage timeStamping. */
    public Credential tsa() {
        return tsa;
    }

    /** The delegated OCSP responder (id-kp-OCSPSigning, id-pkix-ocsp-nocheck). */
    public Credential ocspResponder() {
        return ocspResponder;
    }

    /**
     * Issues a new end-entity certificate from the intermediate CA with digitalSignature + nonRepudiation key usage, the
     * CRL and OCSP URLs of this PKI.
     */
    public Credential issueSigner(String commonName, String organisation, KeyType type, Instant notBefore,
            Instant notAfter) {
        return issue(commonName, organisation, type, notBefore, notAfter, Profile.SIGNER);
    }

    /** Issues a certificate for the given public key (e.g. a key generated inside a PKCS#11 token). */
    public X509Certificate issueSignerFor(PublicKey publicKey, String commonName, String organisation,
            Instant notBefore, Instant notAfter) {
        return build(name(commonName, organisation), publicKey, subject(intermediate.certificate()),
                intermediate.key(), intermediate.certificate().getPublicKey(), notBefore, notAfter, Profile.SIGNER,
                true);
    }

    /** Revokes a certificate issued by the root or the intermediate (reason keyCompromise). */
    public void revoke(X509Certificate certificate, Instant when) {
        if (certificate.getIssuerX500Principal().equals(root.certificate().getSubjectX500Principal())) {
            revokedByRoot.put(certificate.getSerialNumber(), when);
        } else {
            revokedByIntermediate.put(certificate.getSerialNumber(), when);
        }
    }

    /** Writes the root certificate as PEM into {@code dir} (a trust list directory) and returns the file. */
    public Path writeTrustAnchor(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("motcua-test-root.pem"), pem(root.certificate()),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- revocation and time stamps -----------------------------------------------------------------------------

    public String crlUrl() {
        return baseUrl + "/crl/intermediate.crl";
    }

    public String rootCrlUrl() {
        return baseUrl + "/crl/root.crl";
    }

    public String ocspUrl() {
        return baseUrl + "/ocsp";
    }

    public String tsaUrl() {
        return baseUrl + "/tsa";
    }

    /** The intermediate CA's current CRL (valid for 7 days from now). */
    public X509CRL crl() {
        return toCrl(crlBytes(false));
    }

    /** The root CA's current CRL (covers the intermediate). */
    public X509CRL rootCrl() {
        return toCrl(crlBytes(true));
    }

    /** An OCSP response for the certificate, as the HTTP responder would send it. */
    public OCSPResp ocspResponse(X509Certificate certificate) {
        try {
            X509Certificate issuer = issuerOf(certificate);
            CertificateID id = new CertificateID(digests().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            return respond(List.of(id), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the TSA stamp with this clock (e.g. a fixed time in the past, to test expired signers). */
    public void setTsaClock(Clock clock) {
        this.tsaClock = clock;
    }

    /** When false the OCSP responder answers HTTP 503, to test fallback to the CRL. */
    public void setOcspAvailable(boolean available) {
        this.ocspAvailable = available;
    }

    public long ocspRequestCount() {
        return ocspRequests.get();
    }

    public long crlRequestCount() {
        return crlRequests.get();
    }

    public long tsaRequestCount() {
        return tsaRequests.get();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private enum Profile { CA, SIGNER, OCSP, TSA }

    private Credential issue(String cn, String org, KeyType type, Instant notBefore, Instant notAfter,
            Profile profile) {
        KeyPair kp = keys(profile + ":" + cn, type);
        X509Certificate cert = build(name(cn, org), kp.getPublic(), subject(intermediate.certificate()),
                intermediate.key(), intermediate.certificate().getPublicKey(), notBefore, notAfter, profile, true);
        return new Credential(kp.getPrivate(), List.of(cert, intermediate.certificate(), root.certificate()));
    }

    private X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
            PublicKey issuerPublicKey, Instant notBefore, Instant notAfter, Profile profile, boolean withUrls) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serials.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuerPublicKey));
            switch (profile) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                }
                case SIGNER -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                }
                case OCSP -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                }
                case TSA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    builder.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                default -> throw new IllegalArgumentException(profile.name());
            }
            if (withUrls) {
                boolean issuedByRoot = profile == Profile.CA;
                String crl = issuedByRoot ? rootCrlUrl() : crlUrl();
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crl))), null, null)}));
                AccessDescription caIssuers = new AccessDescription(AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier,
                                baseUrl + (issuedByRoot ? "/ca/root.cer" : "/ca/intermediate.cer")));
                AccessDescription ocsp = new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl()));
                builder.addExtension(Extension.authorityInfoAccess, false, profile == Profile.OCSP
                        ? new AuthorityInformationAccess(caIssuers)
                        : new AuthorityInformationAccess(new AccessDescription[] {ocsp, caIssuers}));
            }
            X509CertificateHolder holder = builder.build(contentSigner(issuerKey));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue test certificate for " + subject, e);
        }
    }

    private static ContentSigner contentSigner(PrivateKey key) throws Exception {
        String alg = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(alg).build(key);
    }

    private static X500Name name(String cn, String org) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, org)
                .addRDN(BCStyle.CN, cn).build();
    }

    private static X500Name subject(X509Certificate cert) {
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }

    private static KeyPair keys(String purpose, KeyType type) {
        return KEYS.computeIfAbsent(purpose + "/" + type, k -> {
            try {
                KeyPairGenerator gen;
                switch (type) {
                    case RSA_2048 -> {
                        gen = KeyPairGenerator.getInstance("RSA");
                        gen.initialize(2048);
                    }
                    case RSA_3072 -> {
                        gen = KeyPairGenerator.getInstance("RSA");
                        gen.initialize(3072);
                    }
                    case EC_P256 -> {
                        gen = KeyPairGenerator.getInstance("EC");
                        gen.initialize(new ECGenParameterSpec("secp256r1"));
                    }
                    default -> throw new IllegalArgumentException(type.name());
                }
                return gen.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private X509Certificate issuerOf(X509Certificate cert) {
        return cert.getIssuerX500Principal().equals(root.certificate().getSubjectX500Principal())
                ? root.certificate() : intermediate.certificate();
    }

    private static DigestCalculatorProvider digests() throws Exception {
        return new JcaDigestCalculatorProviderBuilder().build();
    }

    private byte[] crlBytes(boolean ofRoot) {
        try {
            crlRequests.incrementAndGet();
            Credential ca = ofRoot ? root : intermediate;
            Map<BigInteger, Instant> revoked = ofRoot ? revokedByRoot : revokedByIntermediate;
            Instant now = Instant.now();
            X509v2CRLBuilder b = new X509v2CRLBuilder(subject(ca.certificate()), Date.from(now.minusSeconds(60)));
            b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            revoked.forEach((serial, when) -> b.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            X509CRLHolder holder = b.build(contentSigner(ca.key()));
            return holder.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] caCertificate(boolean ofRoot) throws GeneralSecurityException {
        return (ofRoot ? root : intermediate).certificate().getEncoded();
    }

    private static X509CRL toCrl(byte[] der) {
        try {
            return new JcaX509CRLConverter().getCRL(new X509CRLHolder(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers for every requested certificate; CA-issued certs of the root are answered by the root itself. */
    private OCSPResp respond(List<CertificateID> ids, Extension nonce) throws Exception {
        DigestCalculatorProvider dcp = digests();
        X509CertificateHolder rootHolder = new JcaX509CertificateHolder(root.certificate());
        X509CertificateHolder intHolder = new JcaX509CertificateHolder(intermediate.certificate());
        boolean byRoot = !ids.isEmpty() && ids.get(0).matchesIssuer(rootHolder, dcp);
        Credential signerCred = byRoot ? root : ocspResponder;
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(
                new RespID(subject(signerCred.certificate())));
        Date now = new Date();
        Date next = Date.from(Instant.now().plus(Duration.ofDays(1)));
        for (CertificateID id : ids) {
            CertificateStatus status;
            if (id.matchesIssuer(rootHolder, dcp)) {
                Instant r = revokedByRoot.get(id.getSerialNumber());
                status = r == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(r), CRLReason.keyCompromise);
            } else if (id.matchesIssuer(intHolder, dcp)) {
                Instant r = revokedByIntermediate.get(id.getSerialNumber());
                status = r == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(r), CRLReason.keyCompromise);
            } else {
                status = new UnknownStatus();
            }
            b.addResponse(id, status, now, next);
        }
        if (nonce != null) {
            b.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
        }
        List<X509CertificateHolder> chain = new ArrayList<>();
        for (X509Certificate c : signerCred.chain()) {
            chain.add(new JcaX509CertificateHolder(c));
        }
        BasicOCSPResp basic = b.build(contentSigner(signerCred.key()),
                chain.subList(0, 1).toArray(new X509CertificateHolder[0]), now);
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    }

    private void handleOcsp(HttpExchange ex) throws IOException {
        ocspRequests.incrementAndGet();
        try (ex) {
            if (!ocspAvailable) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] request;
            if ("POST".equals(ex.getRequestMethod())) {
                request = readAll(ex.getRequestBody());
            } else {
                String path = ex.getRequestURI().getRawPath().substring("/ocsp".length());
                request = Base64.getDecoder().decode(java.net.URLDecoder.decode(path.replaceFirst("^/", ""),
                        StandardCharsets.US_ASCII));
            }
            byte[] body;
            try {
                OCSPReq req = new OCSPReq(request);
                List<CertificateID> ids = new ArrayList<>();
                for (Req r : req.getRequestList()) {
                    ids.add(r.getCertID());
                }
                body = respond(ids, req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).getEncoded();
            } catch (Exception e) {
                body = new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            ex.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void handleTsa(HttpExchange ex) throws IOException {
        tsaRequests.incrementAndGet();
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try {
                TimeStampRequest req = new TimeStampRequest(readAll(ex.getRequestBody()));
                String alg = tsa.key().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
                TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder().build(alg, tsa.key(), tsa.certificate()),
                        digests().get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                NISTObjectIdentifiers.id_sha256)),
                        TSA_POLICY);
                gen.addCertificates(new JcaCertStore(tsa.chain().subList(0, 2)));
                TimeStampResponseGenerator rg = new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED);
                TimeStampResponse resp = rg.generate(req, BigInteger.valueOf(tsaSerials.getAndIncrement()),
                        Date.from(tsaClock.instant()));
                body = resp.getEncoded();
            } catch (Exception e) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private interface BodySupplier {
        byte[] get() throws Exception;
    }

    private static void serve(HttpExchange ex, String contentType, BodySupplier supplier) throws IOException {
        try (ex) {
            byte[] body = supplier.get();
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
