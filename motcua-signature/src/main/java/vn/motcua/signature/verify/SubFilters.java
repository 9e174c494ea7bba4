package vn.motcua.signature.verify;

import java.io.IOException;
import java.security.MessageDigest;

import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/** Dispatches on the PDF /SubFilter: which CMS shape to expect and what the signed content is. */
final class SubFilters {
    private SubFilters() {
    }

    static void verify(SignatureCheck c, byte[] cms, CmsVerifier.Content ranges, DssData dss,
                       VerificationOptions options) throws IOException {
        String sf = c.subFilter == null ? "" : c.subFilter;
        switch (sf) {
            case "adbe.pkcs7.detached", "ETSI.CAdES.detached" -> {
                CmsVerifier.Outcome o = CmsVerifier.verify(cms, ranges, dss.certificates(), options.policy());
                take(c, o);
                if (o.eContentType != null && !CMSObjectIdentifiers.data.equals(o.eContentType)) {
                    c.error(SubIndication.FORMAT_FAILURE, "cms.contentTypeMismatch");
                }
                if ("ETSI.CAdES.detached".equals(sf) && o.signer != null && o.signer.getSignedAttributes() != null
                        && o.signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null
                        && o.signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificate) == null) {
                    c.warning("pades.noSigningCertificateAttribute");
                }
                Timestamps.signatureTimestamp(c, o, dss, options);
            }
            case "adbe.pkcs7.sha1" -> {
                CmsVerifier.Outcome o = CmsVerifier.verify(cms, null, dss.certificates(), options.policy());
                take(c, o);
                if (o.eContent != null && !o.hasErrors()) {
                    MessageDigest sha1 = CmsVerifier.messageDigest(OIWObjectIdentifiers.idSHA1);
                    ranges.writeTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha1));
                    if (!MessageDigest.isEqual(sha1.digest(), o.eContent)) {
                        c.error(SubIndication.HASH_FAILURE, "cms.digestMismatch");
                    }
                }
                c.warning("alg.weakDigest", "SHA-1");
                Timestamps.signatureTimestamp(c, o, dss, options);
            }
            case "ETSI.RFC3161" -> {
                c.kind = SignatureReport.Kind.DOCUMENT_TIMESTAMP;
                Timestamps.Result r = Timestamps.verifyToken(cms, ranges, dss, options);
                c.cms = r.cms();
                c.findings.addAll(r.findings());
                if (r.cms() != null) {
                    c.signerCert = r.cms().signerCert;
                    c.digestAlgorithm = r.cms().digestAlgorithm;
                    c.signatureAlgorithm = r.cms().signatureAlgorithm;
                }
                if (r.time() != null) {
                    c.signingTime = r.time();
                    c.timeSource = SignatureReport.TimeSource.DOCUMENT_TIMESTAMP;
                    c.timestampTime = r.valid() ? r.time() : null;
                }
                c.intact = r.valid();
            }
            default -> c.error(SubIndication.FORMAT_FAILURE, "pdf.unsupportedSubFilter", sf);
        }
        if (c.intact && c.hasErrors()) {
            c.intact = false;
        }
    }

    private static void take(SignatureCheck c, CmsVerifier.Outcome o) {
        c.cms = o;
        c.findings.addAll(o.findings);
        c.signerCert = o.signerCert;
        c.digestAlgorithm = o.digestAlgorithm;
        c.signatureAlgorithm = o.signatureAlgorithm;
        c.intact = o.intact;
        if (o.claimedSigningTime != null) {
            c.signingTime = o.claimedSigningTime;
            c.timeSource = SignatureReport.TimeSource.CLAIMED_SIGNING_TIME;
        }
    }
}
