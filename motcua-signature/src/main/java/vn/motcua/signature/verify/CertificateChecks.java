package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signer certificate checks: key usage, path to a configured trust anchor at the best known signing time, revocation
 * from embedded data (CMS revocation attribute, CMS CRLs, /DSS) and, when enabled, online (OCSP, CRL distribution points).
 */
final class CertificateChecks {
    private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter().setProvider(CmsVerifier.BC);

    private CertificateChecks() {
    }

    static void check(SignatureCheck c, DssData dss, VerificationOptions options) {
        if (c.signerCert == null || c.cms == null) {
            return;
        }
        X509Certificate signer;
        try {
            signer = CONVERTER.getCertificate(c.signerCert);
        } catch (CertificateException e) {
            c.error(SubIndication.FORMAT_FAILURE, "cms.badCertificate", CmsVerifier.describe(e));
            return;
        }
        if (c.kind != SignatureReport.Kind.DOCUMENT_TIMESTAMP) {
            boolean[] ku = signer.getKeyUsage();
            if (ku != null && !ku[0] && !ku[1]) {
                c.error(SubIndication.CHAIN_CONSTRAINTS_FAILURE, "cert.keyUsage");
            }
        }
        // a timestamp fixes the time only when its TSA chains to a trust anchor too
        for (CmsVerifier.Outcome tst : c.timestampCms) {
            SignatureCheck probe = new SignatureCheck();
            if (tst.signerCert == null) {
                probe.error(SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "cms.noSignerCertificate");
            } else {
                try {
                    X509Certificate tsa = CONVERTER.getCertificate(tst.signerCert);
                    Instant genTime = c.proofOfExistence != null ? c.proofOfExistence : Instant.now();
                    probe.proofOfExistence = genTime;
                    checkChain(probe, tsa, genTime, new Revocation(tst, dss, options), options, "tsa.");
                } catch (CertificateException e) {
                    probe.error(SubIndication.FORMAT_FAILURE, "cms.badCertificate", CmsVerifier.describe(e));
                }
            }
            if (probe.hasErrors() && !options.trustAnchors().isEmpty()) {
                c.warning("tst.tsaNotTrusted");
                c.proofOfExistence = null;
            }
        }
        Instant checkAt = c.proofOfExistence != null ? c.proofOfExistence : Instant.now();
        checkChain(c, signer, checkAt, new Revocation(c.cms, dss, options), options, "chain.");
    }

    private static void checkChain(SignatureCheck c, X509Certificate cert, Instant at, Revocation revocation,
                                   VerificationOptions options, String prefix) {
        if (options.trustAnchors().isEmpty()) {
            c.error(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, prefix + "noTrustAnchors");
            if (at.isAfter(cert.getNotAfter().toInstant())) {
                c.warning("cert.expiredNow", cert.getNotAfter().toInstant());
            }
            return;
        }
        if (at.isAfter(cert.getNotAfter().toInstant())) {
            c.error(c.proofOfExistence == null ? SubIndication.OUT_OF_BOUNDS_NO_POE : SubIndication.EXPIRED,
                    "cert.expired", cert.getNotAfter().toInstant(), at);
            return;
        }
        if (at.isBefore(cert.getNotBefore().toInstant())) {
            c.error(SubIndication.NOT_YET_VALID, "cert.notYetValid", cert.getNotBefore().toInstant(), at);
            return;
        }
        List<X509Certificate> path;
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate a : options.trustAnchors()) {
                anchors.add(new TrustAnchor(a, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(revocation.certificates());
            pool.add(cert);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(params);
            path = new ArrayList<>();
            for (var x : result.getCertPath().getCertificates()) {
                path.add((X509Certificate) x);
            }
            path.add(result.getTrustAnchor().getTrustedCert());
        } catch (Exception e) {
            c.error(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, prefix + "notTrusted", CmsVerifier.describe(e));
            return;
        }
        // revocation of every certificate below the anchor
        for (int i = 0; i + 1 < path.size(); i++) {
            Revocation.Status s = revocation.status(path.get(i), path.get(i + 1), at);
            if (s.revokedAt() != null) {
                boolean beforeSigning = !s.revokedAt().isAfter(at);
                if (beforeSigning) {
                    c.error(c.proofOfExistence == null ? SubIndication.REVOKED_NO_POE : SubIndication.REVOKED,
                            "cert.revoked", path.get(i).getSubjectX500Principal().getName(), s.revokedAt());
                    if (c.proofOfExistence != null) {
                        // proven to be signed after revocation: definitively invalid
                        c.findings.set(c.findings.size() - 1, Finding.error(SubIndication.REVOKED, "cert.revoked",
                                path.get(i).getSubjectX500Principal().getName(), s.revokedAt()));
                    }
                } else {
                    c.warning("cert.revokedLater", s.revokedAt());
                }
                return;
            }
            if (!s.known()) {
                c.error(SubIndication.TRY_LATER, "cert.revocationUnknown",
                        path.get(i).getSubjectX500Principal().getName());
                return;
            }
        }
    }

    /** Revocation sources for one signature: embedded first, then online when enabled. */
    static final class Revocation {
        record Status(boolean known, Instant revokedAt) {
        }

        private final List<X509CRLHolder> crls = new ArrayList<>();
        private final List<BasicOCSPResp> ocsps = new ArrayList<>();
        private final Map<String, X509Certificate> certs = new LinkedHashMap<>();
        private final VerificationOptions options;

        Revocation(CmsVerifier.Outcome cms, DssData dss, VerificationOptions options) {
            this.options = options;
            crls.addAll(dss.crls());
            ocsps.addAll(dss.ocsps());
            addCerts(cms.certificates);
            addCerts(dss.certificates());
            if (cms.signedData != null) {
                for (X509CRLHolder h : cms.signedData.getCRLs().getMatches(null)) {
                    crls.add(h);
                }
            }
            if (cms.signer != null && cms.signer.getSignedAttributes() != null) {
                Attribute a = cms.signer.getSignedAttributes().get(CmsVerifier.ADBE_REVOCATION);
                if (a != null) {
                    try {
                        // RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CertificateList OPTIONAL,
                        //   ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL, otherRevInfo [2] ... }
                        ASN1Sequence ria = ASN1Sequence.getInstance(a.getAttrValues().getObjectAt(0));
                        for (ASN1Encodable e : ria) {
                            org.bouncycastle.asn1.ASN1TaggedObject t = org.bouncycastle.asn1.ASN1TaggedObject.getInstance(e);
                            ASN1Sequence values = ASN1Sequence.getInstance(t.getExplicitBaseObject());
                            for (ASN1Encodable v : values) {
                                if (t.getTagNo() == 0) {
                                    crls.add(new X509CRLHolder(v.toASN1Primitive().getEncoded()));
                                } else if (t.getTagNo() == 1) {
                                    Object r = new OCSPResp(v.toASN1Primitive().getEncoded()).getResponseObject();
                                    if (r instanceof BasicOCSPResp b) {
                                        ocsps.add(b);
                                    }
                                }
                            }
                        }
                    } catch (Exception e) {
                        // an unreadable archive adds nothing; revocation then stays unknown
                    }
                }
            }
        }

        private void addCerts(List<X509CertificateHolder> holders) {
            for (X509CertificateHolder h : holders) {
                try {
                    certs.putIfAbsent(h.getSubject() + "|" + h.getSerialNumber(), CONVERTER.getCertificate(h));
                } catch (CertificateException e) {
                    // skipped
                }
            }
        }

        List<X509Certificate> certificates() {
            return new ArrayList<>(certs.values());
        }

        Status status(X509Certificate cert, X509Certificate issuer, Instant at) {
            Status s = embedded(cert, issuer);
            if (s.known() || !options.online()) {
                return s;
            }
            fetchOnline(cert, issuer);
            return embedded(cert, issuer);
        }

        private Status embedded(X509Certificate cert, X509Certificate issuer) {
            for (BasicOCSPResp resp : ocsps) {
                Status s = fromOcsp(resp, cert, issuer);
                if (s != null) {
                    return s;
                }
            }
            for (X509CRLHolder crl : crls) {
                try {
                    if (!crl.getIssuer().equals(new JcaX509CertificateHolder(issuer).getSubject())
                            || !crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CmsVerifier.BC)
                            .build(issuer))) {
                        continue;
                    }
                    var entry = crl.getRevokedCertificate(cert.getSerialNumber());
                    return new Status(true, entry == null ? null : entry.getRevocationDate().toInstant());
                } catch (Exception e) {
                    // not this issuer's CRL
                }
            }
            return new Status(false, null);
        }

        private Status fromOcsp(BasicOCSPResp resp, X509Certificate cert, X509Certificate issuer) {
            try {
                var digests = new JcaDigestCalculatorProviderBuilder().setProvider(CmsVerifier.BC).build();
                for (SingleResp single : resp.getResponses()) {
                    // compare issuer hashes and serial rather than the encodings (NULL vs absent hash parameters)
                    if (!single.getCertID().getSerialNumber().equals(cert.getSerialNumber())
                            || !single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer), digests)
                            || !responderTrusted(resp, issuer)) {
                        continue;
                    }
                    CertificateStatus st = single.getCertStatus();
                    if (st == CertificateStatus.GOOD) {
                        return new Status(true, null);
                    }
                    if (st instanceof RevokedStatus r) {
                        return new Status(true, r.getRevocationTime().toInstant());
                    }
                }
            } catch (Exception e) {
                // malformed response: not usable
            }
            return null;
        }

        /** The response is signed by the issuing CA itself or by a responder the CA delegated with id-kp-OCSPSigning. */
        private static boolean responderTrusted(BasicOCSPResp resp, X509Certificate issuer) throws Exception {
            var issuerVerifier = new JcaContentVerifierProviderBuilder().setProvider(CmsVerifier.BC).build(issuer);
            if (resp.isSignatureValid(issuerVerifier)) {
                return true;
            }
            for (X509CertificateHolder h : resp.getCerts()) {
                if (h.isSignatureValid(issuerVerifier) && h.getExtension(Extension.extendedKeyUsage) != null
                        && org.bouncycastle.asn1.x509.ExtendedKeyUsage.getInstance(
                        h.getExtension(Extension.extendedKeyUsage).getParsedValue())
                        .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
                        && resp.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CmsVerifier.BC)
                        .build(h))) {
                    return true;
                }
            }
            return false;
        }

        private void fetchOnline(X509Certificate cert, X509Certificate issuer) {
            for (String url : urls(cert, Extension.authorityInfoAccess)) {
                try {
                    CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                            .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
                    byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
                    byte[] body = http(url, req, "application/ocsp-request");
                    Object r = new OCSPResp(body).getResponseObject();
                    if (r instanceof BasicOCSPResp b) {
                        ocsps.add(b);
                        return;
                    }
                } catch (Exception e) {
                    // try the next source
                }
            }
            for (String url : urls(cert, Extension.cRLDistributionPoints)) {
                try {
                    crls.add(new X509CRLHolder(http(url, null, null)));
                    return;
                } catch (Exception e) {
                    // try the next source
                }
            }
        }

        private byte[] http(String url, byte[] post, String contentType) throws IOException {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IOException("unsupported URL scheme");
            }
            HttpURLConnection con = (HttpURLConnection) uri.toURL().openConnection();
            int timeout = (int) options.onlineTimeout().toMillis();
            con.setConnectTimeout(timeout);
            con.setReadTimeout(timeout);
            if (post != null) {
                con.setDoOutput(true);
                con.setRequestMethod("POST");
                con.setRequestProperty("Content-Type", contentType);
                try (OutputStream out = con.getOutputStream()) {
                    out.write(post);
                }
            }
            try (InputStream in = con.getInputStream()) {
                return in.readNBytes(16 * 1024 * 1024);
            } finally {
                con.disconnect();
            }
        }

        private static List<String> urls(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier ext) {
            List<String> urls = new ArrayList<>();
            try {
                X509CertificateHolder h = new JcaX509CertificateHolder(cert);
                Extension e = h.getExtension(ext);
                if (e == null) {
                    return urls;
                }
                if (ext.equals(Extension.authorityInfoAccess)) {
                    for (AccessDescription ad : AuthorityInformationAccess.getInstance(e.getParsedValue())
                            .getAccessDescriptions()) {
                        if (OCSPObjectIdentifiers.id_pkix_ocsp.equals(ad.getAccessMethod())) {
                            addUri(urls, ad.getAccessLocation());
                        }
                    }
                } else {
                    for (DistributionPoint dp : CRLDistPoint.getInstance(e.getParsedValue()).getDistributionPoints()) {
                        DistributionPointName n = dp.getDistributionPoint();
                        if (n != null && n.getType() == DistributionPointName.FULL_NAME) {
                            for (GeneralName g : org.bouncycastle.asn1.x509.GeneralNames.getInstance(n.getName())
                                    .getNames()) {
                                addUri(urls, g);
                            }
                        }
                    }
                }
            } catch (Exception e) {
                // no usable URL
            }
            return urls;
        }

        private static void addUri(List<String> urls, GeneralName g) {
            if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                urls.add(DERIA5String.getInstance(g.getName()).getString());
            }
        }
    }

}
