package vn.motcua.signature.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.motcua.signature.sign.SigningException.Reason;

/**
 * Fetches what a B-LT signature must carry: for every certificate of the signer's and the TSA's chains (except
 * self-signed roots and OCSP-no-check responders) a fresh OCSP response, or the CRL when OCSP is missing or fails.
 * A revoked certificate stops signing: a B-LT file that proves its own signer revoked helps nobody.
 */
final class RevocationCollector {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Certificates (by DER, in first-seen order), OCSP responses (complete OCSPResponse DER) and CRLs (DER). */
    record Material(List<X509Certificate> certificates, List<byte[]> ocsps, List<byte[]> crls) {
    }

    private final Duration timeout;
    private final Map<String, X509Certificate> pool = new LinkedHashMap<>();
    private final List<byte[]> ocsps = new ArrayList<>();
    private final List<byte[]> crls = new ArrayList<>();

    RevocationCollector(Duration timeout) {
        this.timeout = timeout;
    }

    Material collect(List<X509Certificate> signerChain, List<X509Certificate> tsaCertificates)
            throws SigningException {
        signerChain.forEach(this::add);
        tsaCertificates.forEach(this::add);
        completeChains();
        for (X509Certificate c : new ArrayList<>(pool.values())) {
            if (isSelfSigned(c) || c.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null) {
                continue;
            }
            X509Certificate issuer = issuerOf(c);
            if (!(issuer != null && ocsp(c, issuer)) && !crl(c, issuer)) {
                throw new SigningException(Reason.REVOCATION_UNAVAILABLE, c.getSubjectX500Principal().getName());
            }
        }
        return new Material(List.copyOf(pool.values()), List.copyOf(ocsps), List.copyOf(crls));
    }

    /**
     * Key stores often hold only the signer's certificate: fetch missing issuers from the caIssuers URLs (DER
     * certificate or PKCS#7 bundle), a few levels up at most.
     */
    private void completeChains() {
        for (int level = 0; level < 5; level++) {
            boolean added = false;
            for (X509Certificate c : new ArrayList<>(pool.values())) {
                if (isSelfSigned(c) || issuerOf(c) != null) {
                    continue;
                }
                for (URI url : accessUrls(c, AccessDescription.id_ad_caIssuers)) {
                    try {
                        for (var cert : CertificateFactory.getInstance("X.509")
                                .generateCertificates(new ByteArrayInputStream(Http.get(url, timeout)))) {
                            add((X509Certificate) cert);
                            added = true;
                        }
                        break;
                    } catch (Exception e) {
                        // unreachable or not a certificate: try the next URL; revocation checking reports what is missing
                    }
                }
            }
            if (!added) {
                return;
            }
        }
    }

    private void add(X509Certificate c) {
        try {
            pool.putIfAbsent(Arrays.toString(c.getEncoded()), c);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate issuerOf(X509Certificate c) {
        for (X509Certificate candidate : pool.values()) {
            if (candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                try {
                    c.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key: keep looking
                }
            }
        }
        return null;
    }

    private static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** True when a good, correctly signed OCSP response was obtained. */
    private boolean ocsp(X509Certificate c, X509Certificate issuer) throws SigningException {
        for (URI url : accessUrls(c, AccessDescription.id_ad_ocsp)) {
            try {
                CertificateID id = new CertificateID(
                        new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(issuer), c.getSerialNumber());
                byte[] nonce = new byte[16];
                RANDOM.nextBytes(nonce);
                OCSPReq req = new OCSPReqBuilder().addRequest(id)
                        .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                                false, new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                        .build();
                byte[] der = Http.post(url, "application/ocsp-request", req.getEncoded(), timeout);
                OCSPResp resp = new OCSPResp(der);
                if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                    continue;
                }
                BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
                if (!signedByIssuerOrDelegate(basic, issuer)) {
                    continue;
                }
                Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                if (echoed != null && !Arrays.equals(ASN1OctetString.getInstance(echoed.getParsedValue())
                        .getOctets(), nonce)) {
                    continue;
                }
                for (SingleResp single : basic.getResponses()) {
                    if (!single.getCertID().equals(id)) {
                        continue;
                    }
                    if (single.getCertStatus() instanceof RevokedStatus) {
                        throw new SigningException(Reason.CERTIFICATE_REVOKED,
                                c.getSubjectX500Principal().getName());
                    }
                    if (single.getCertStatus() == null) {
                        ocsps.add(der);
                        for (X509CertificateHolder h : basic.getCerts()) {
                            add(new JcaX509CertificateConverter().getCertificate(h));
                        }
                        return true;
                    }
                }
            } catch (SigningException e) {
                throw e;
            } catch (Exception e) {
                // unreachable or malformed responder: fall back to the next URL, then to the CRL
            }
        }
        return false;
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) throws Exception {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return true;
        }
        for (X509CertificateHolder h : basic.getCerts()) {
            X509Certificate delegate = new JcaX509CertificateConverter().getCertificate(h);
            try {
                delegate.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                continue;
            }
            List<String> eku = delegate.getExtendedKeyUsage();
            if (eku != null && eku.contains("1.3.6.1.5.5.7.3.9")
                    && basic.isSignatureValid(verifiers.build(delegate.getPublicKey()))) {
                return true;
            }
        }
        return false;
    }

    /** True when a CRL from the certificate's distribution points was fetched and does not list it. */
    private boolean crl(X509Certificate c, X509Certificate issuer) throws SigningException {
        for (URI url : crlUrls(c)) {
            try {
                byte[] der = Http.get(url, timeout);
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(der));
                if (issuer != null) {
                    crl.verify(issuer.getPublicKey());
                }
                if (crl.isRevoked(c)) {
                    throw new SigningException(Reason.CERTIFICATE_REVOKED, c.getSubjectX500Principal().getName());
                }
                crls.add(der);
                return true;
            } catch (SigningException e) {
                throw e;
            } catch (Exception e) {
                // try the next distribution point
            }
        }
        return false;
    }

    private static List<URI> accessUrls(X509Certificate c, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        List<URI> urls = new ArrayList<>();
        byte[] ext = c.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext != null) {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(ext).getOctets());
            for (AccessDescription ad : aia.getAccessDescriptions()) {
                if (ad.getAccessMethod().equals(method)) {
                    uri(ad.getAccessLocation(), urls);
                }
            }
        }
        return urls;
    }

    private static List<URI> crlUrls(X509Certificate c) {
        List<URI> urls = new ArrayList<>();
        byte[] ext = c.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext != null) {
            CRLDistPoint dps = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
            for (DistributionPoint dp : dps.getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName gn : GeneralNames.getInstance(name.getName()).getNames()) {
                        uri(gn, urls);
                    }
                }
            }
        }
        return urls;
    }

    private static void uri(GeneralName gn, List<URI> out) {
        if (gn.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String s = gn.getName().toString();
            if (s.startsWith("http://") || s.startsWith("https://")) {
                try {
                    out.add(URI.create(s));
                } catch (IllegalArgumentException ignored) {
                    // a malformed URL in a certificate is just not usable
                }
            }
        }
    }
}
