package vn.motcua.signature.verify;

import java.io.IOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** RFC 3161 timestamps: signature timestamps (unsigned attribute) and PDF document timestamps. */
final class Timestamps {
    private Timestamps() {
    }

    record Result(CmsVerifier.Outcome cms, Instant time, boolean valid, List<Finding> findings) {
    }

    /** Verifies a timestamp token whose message imprint must be the hash of {@code imprinted}. */
    static Result verifyToken(byte[] token, CmsVerifier.Content imprinted, DssData dss, VerificationOptions options)
            throws IOException {
        List<Finding> findings = new ArrayList<>();
        CmsVerifier.Outcome o = CmsVerifier.verify(token, null, dss.certificates(), options.policy());
        findings.addAll(o.findings);
        if (o.eContent == null || !PKCSObjectIdentifiers.id_ct_TSTInfo.equals(o.eContentType)) {
            if (!o.hasErrors()) {
                findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "tst.notTimestamp"));
            }
            return new Result(o, null, false, findings);
        }
        TSTInfo info;
        try {
            info = TSTInfo.getInstance(o.eContent);
        } catch (RuntimeException e) {
            findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "tst.notTimestamp"));
            return new Result(o, null, false, findings);
        }
        Instant time;
        try {
            time = info.getGenTime().getDate().toInstant();
        } catch (java.text.ParseException | RuntimeException e) {
            findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "tst.notTimestamp"));
            return new Result(o, null, false, findings);
        }
        MessageDigest md = CmsVerifier.messageDigest(info.getMessageImprint().getHashAlgorithm().getAlgorithm());
        if (md == null) {
            findings.add(Finding.error(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "cms.unsupportedDigest",
                    info.getMessageImprint().getHashAlgorithm().getAlgorithm().getId()));
            return new Result(o, time, false, findings);
        }
        imprinted.writeTo(new DigestOutputStream(java.io.OutputStream.nullOutputStream(), md));
        if (!MessageDigest.isEqual(md.digest(), info.getMessageImprint().getHashedMessage())) {
            findings.add(Finding.error(SubIndication.HASH_FAILURE, "tst.imprintMismatch"));
        }
        if (o.signerCert != null) {
            Extension eku = o.signerCert.getExtension(Extension.extendedKeyUsage);
            if (eku == null || !ExtendedKeyUsage.getInstance(eku.getParsedValue())
                    .hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
                findings.add(Finding.error(SubIndication.SIG_CONSTRAINTS_FAILURE, "tst.noTimeStampingUsage"));
            } else if (!eku.isCritical()) {
                findings.add(Finding.warning("tst.ekuNotCritical"));
            }
        }
        boolean valid = o.intact && findings.stream().allMatch(Finding::isWarning);
        return new Result(o, time, valid, findings);
    }

    /** Checks the signature timestamps (unsigned attribute) of a CMS signature; a valid one fixes the signing time. */
    static void signatureTimestamp(SignatureCheck c, CmsVerifier.Outcome o, DssData dss, VerificationOptions options)
            throws IOException {
        if (o.signer == null || o.signer.getUnsignedAttributes() == null) {
            return;
        }
        AttributeTable unsigned = o.signer.getUnsignedAttributes();
        var all = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        byte[] signatureValue = o.signer.getSignature();
        for (int i = 0; i < all.size(); i++) {
            Attribute a = (Attribute) all.get(i);
            for (ASN1Encodable v : a.getAttrValues().toArray()) {
                Result r = verifyToken(v.toASN1Primitive().getEncoded(ASN1Encoding.DER), out -> out.write(signatureValue),
                        dss, options);
                if (!r.valid()) {
                    c.error(firstError(r.findings()), "tst.signatureTimestampInvalid",
                            r.findings().isEmpty() ? "" : r.findings().get(0).code());
                    continue;
                }
                r.findings().stream().filter(Finding::isWarning).forEach(c.findings::add);
                if (c.timestampTime == null || r.time().isBefore(c.timestampTime)) {
                    c.timestampTime = r.time();
                    c.signingTime = r.time();
                    c.timeSource = SignatureReport.TimeSource.SIGNATURE_TIMESTAMP;
                    c.proofOfExistence = r.time();
                    c.timestampCms.add(r.cms());
                }
            }
        }
    }

    private static SubIndication firstError(List<Finding> findings) {
        return findings.stream().filter(f -> !f.isWarning()).map(Finding::subIndication).findFirst()
                .orElse(SubIndication.FORMAT_FAILURE);
    }

    /**
     * A valid document timestamp is proof of existence for every signature in the revisions it covers; it gives them
     * level T when they have no timestamp of their own.
     */
    static void applyDocumentTimestamps(List<SignatureCheck> checks, VerificationOptions options) {
        for (SignatureCheck ts : checks) {
            boolean trusted = options.trustAnchors().isEmpty() || !ts.hasErrors();
            if (ts.kind != SignatureReport.Kind.DOCUMENT_TIMESTAMP || !ts.intact || ts.timestampTime == null
                    || !trusted) {
                continue;
            }
            for (SignatureCheck c : checks) {
                if (c == ts || c.revisionLength == 0 || c.revisionLength >= ts.revisionLength) {
                    continue;
                }
                if (c.proofOfExistence == null || ts.timestampTime.isBefore(c.proofOfExistence)) {
                    c.proofOfExistence = ts.timestampTime;
                    if (c.kind != SignatureReport.Kind.DOCUMENT_TIMESTAMP && c.timestampTime == null) {
                        c.timestampTime = ts.timestampTime;
                        c.signingTime = ts.timestampTime;
                        c.timeSource = SignatureReport.TimeSource.DOCUMENT_TIMESTAMP;
                    }
                }
            }
        }
    }
}
