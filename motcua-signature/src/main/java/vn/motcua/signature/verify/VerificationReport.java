package vn.motcua.signature.verify;

import java.util.List;
import java.util.Locale;

/**
 * The result for a whole file: the worst verdict over its signatures and document-level findings.
 *
 * @param fileName      the file's name (no directory)
 * @param verdict       VALID only when there is at least one signature and every signature is VALID
 * @param subIndication the sub-indication of the first signature or document finding that decided the verdict
 * @param signatures    one report per signature / document timestamp, in signing order
 * @param findings      document-level errors and warnings (damaged file, no signature, ...)
 */
public record VerificationReport(String fileName, Verdict verdict, SubIndication subIndication,
                                 List<SignatureReport> signatures, List<Finding> findings) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
        findings = List.copyOf(findings);
    }

    static VerificationReport of(String fileName, List<SignatureReport> signatures, List<Finding> documentFindings) {
        Verdict verdict = Verdict.VALID;
        SubIndication sub = null;
        for (Finding f : documentFindings) {
            if (!f.isWarning() && f.subIndication().verdict().worst(verdict) != verdict) {
                verdict = f.subIndication().verdict();
                sub = f.subIndication();
            }
        }
        for (SignatureReport s : signatures) {
            if (s.verdict().worst(verdict) != verdict) {
                verdict = s.verdict();
                sub = s.subIndication();
            }
        }
        if (signatures.isEmpty() && verdict == Verdict.VALID) {
            documentFindings = new java.util.ArrayList<>(documentFindings);
            documentFindings.add(Finding.error(SubIndication.NO_SIGNATURE_FOUND, "doc.noSignature"));
            verdict = Verdict.INDETERMINATE;
            sub = SubIndication.NO_SIGNATURE_FOUND;
        }
        return new VerificationReport(fileName, verdict, sub, signatures, documentFindings);
    }

    /** A short human summary (a few lines) in Vietnamese ({@code Locale.forLanguageTag("vi")}) or English. */
    public String summary(Locale locale) {
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.format(locale, "summary.file", fileName,
                Messages.format(locale, "verdict." + verdict), signatures.size())).append('\n');
        for (Finding f : findings) {
            sb.append("  - ").append(f.message(locale)).append('\n');
        }
        for (SignatureReport s : signatures) {
            sb.append(Messages.format(locale, "summary.signature", s.index(),
                    Messages.format(locale, "kind." + s.kind()),
                    Messages.format(locale, "verdict." + s.verdict()),
                    s.signerName() == null ? "?" : s.signerName(),
                    s.signerOrganisation() == null ? "" : s.signerOrganisation(),
                    s.signingTime() == null ? "?" : s.signingTime().toString(),
                    Messages.format(locale, "timeSource." + s.signingTimeSource()),
                    s.level() == null ? "-" : s.level(),
                    Messages.format(locale, "coverage." + s.coverage()))).append('\n');
            for (Finding f : s.findings()) {
                sb.append("    ").append(f.isWarning() ? "! " : "x ").append(f.message(locale)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The report as JSON (UTF-8 text; English messages plus Vietnamese ones under "message_vi"). */
    public String toJson() {
        return JsonWriter.write(this);
    }
}
