package vn.motcua.signature.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;

/** Mutable state while one signature is checked; {@link #toReport} freezes it. */
final class SignatureCheck {
    SignatureReport.Kind kind = SignatureReport.Kind.SIGNATURE;
    String fieldName;
    String subFilter;
    X509CertificateHolder signerCert;
    Instant signingTime;
    SignatureReport.TimeSource timeSource = SignatureReport.TimeSource.NONE;
    Instant timestampTime;
    String level;
    String digestAlgorithm;
    String signatureAlgorithm;
    List<Long> byteRange = List.of();
    long revisionLength;
    SignatureReport.Coverage coverage = SignatureReport.Coverage.WHOLE_FILE;
    final List<Change> changes = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    /** Crypto, structure and integrity passed (trust not yet considered). */
    boolean intact;
    /** The CMS check behind this signature (null when the CMS was never reached). */
    CmsVerifier.Outcome cms;
    /** Time of proof of existence from a valid timestamp, used for the certificate checks. */
    java.time.Instant proofOfExistence;
    /** Valid signature timestamps (their TSA chains are checked with the signer's). */
    final List<CmsVerifier.Outcome> timestampCms = new ArrayList<>();

    void error(SubIndication sub, String code, Object... args) {
        findings.add(Finding.error(sub, code, args));
    }

    void warning(String code, Object... args) {
        findings.add(Finding.warning(code, args));
    }

    boolean hasErrors() {
        return findings.stream().anyMatch(f -> !f.isWarning());
    }

    SignatureReport toReport(int index) {
        Verdict verdict = Verdict.VALID;
        SubIndication sub = null;
        for (Finding f : findings) {
            if (!f.isWarning() && f.subIndication().verdict().worst(verdict) != verdict) {
                verdict = f.subIndication().verdict();
                sub = f.subIndication();
            }
        }
        String name = null;
        String org = null;
        String issuer = null;
        if (signerCert != null) {
            name = attribute(signerCert.getSubject(), BCStyle.CN);
            org = attribute(signerCert.getSubject(), BCStyle.O);
            issuer = signerCert.getIssuer().toString();
        }
        return new SignatureReport(index, kind, fieldName, subFilter, verdict, sub, name, org, issuer, signingTime,
                timeSource, timestampTime, level, digestAlgorithm, signatureAlgorithm, byteRange, revisionLength,
                coverage, changes, findings);
    }

    private static String attribute(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
