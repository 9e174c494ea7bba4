package vn.motcua.signature.verify;

import java.util.List;

/**
 * Baseline level reached by each signature: B-B (intact), B-T (a valid signature or document timestamp), B-LT (plus
 * validation data in /DSS or the CMS revocation attribute), B-LTA (plus a valid document timestamp over that data).
 */
final class Levels {
    private Levels() {
    }

    static void assign(List<SignatureCheck> checks, DssData dss) {
        for (SignatureCheck c : checks) {
            boolean failed = c.findings.stream().anyMatch(f -> !f.isWarning()
                    && f.subIndication().verdict() == Verdict.INVALID);
            if (!c.intact || failed || c.kind == SignatureReport.Kind.DOCUMENT_TIMESTAMP) {
                continue;
            }
            c.level = "B-B";
            if (c.timestampTime == null) {
                continue;
            }
            c.level = "B-T";
            boolean embedded = c.cms != null && c.cms.signer != null && c.cms.signer.getSignedAttributes() != null
                    && c.cms.signer.getSignedAttributes().get(CmsVerifier.ADBE_REVOCATION) != null;
            boolean validationData = (dss.present() && (!dss.crls().isEmpty() || !dss.ocsps().isEmpty())) || embedded;
            if (!validationData) {
                continue;
            }
            c.level = "B-LT";
            long latestSignature = c.revisionLength;
            boolean archived = checks.stream().anyMatch(t -> t.kind == SignatureReport.Kind.DOCUMENT_TIMESTAMP
                    && t.intact && t.revisionLength > latestSignature && dss.present());
            if (archived) {
                c.level = "B-LTA";
            }
        }
    }
}
