package vn.motcua.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vn.motcua.signature.Signatures;

/**
 * The ../shared/sigcorpus conformance suite: 69 signed PDFs from EU DSS and pyHanko with their authors' expectations.
 * Without trust anchors a trust-only problem must come out INDETERMINATE (never INVALID); files expected VALID must not
 * come out INVALID and must have no error but trust; attack and defect files must not come out VALID; files that are not
 * PDFs give a clean typed error. Prints the table (file, expectation, verdict, reason).
 */
class SigCorpusConformanceTest {

    /** Sub-indications that only say "not trusted here" (all corpus certificates are test or expired ones). */
    static final Set<SubIndication> TRUST_ONLY = Set.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE, SubIndication.OUT_OF_BOUNDS_NO_POE,
            SubIndication.EXPIRED, SubIndication.TRY_LATER);

    /** Expectation prefixes of files that must not verify. */
    private static final List<String> MUST_FAIL = List.of("INVALID", "SHADOW ATTACK", "MODIFIED", "SUSPICIOUS",
            "NONSTANDARD COVERAGE", "NO SIGNATURE", "SIGNATURE WRAPPING", "MALFORMED", "NOT REALLY SIGNED",
            "NOT VERIFIABLE", "NOT SIGNED", "INDETERMINATE", "PARTIAL", "MIXED", "public-key");

    static Path corpus() {
        Path shared = Path.of(System.getProperty("motcua.shared", "../shared"));
        Path dir = shared.resolve("sigcorpus");
        if (!Files.isRegularFile(dir.resolve("INDEX.tsv"))) {
            System.out.println("SKIPPED: signature corpus not found at " + dir.toAbsolutePath());
        }
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("INDEX.tsv")), "sigcorpus absent");
        return dir;
    }

    @Test
    void everyFileMatchesItsExpectation() throws IOException {
        Path dir = corpus();
        List<String> lines = Files.readAllLines(dir.resolve("INDEX.tsv"));
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-58s | %-30s | %-13s | %s%n", "file", "expectation",
                "verdict", "reason"));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] col = line.split("\t");
            String file = col[0];
            String expectation = col[4];
            String verdict;
            String reason;
            VerificationReport report = null;
            try {
                report = Signatures.verify(dir.resolve(file), VerificationOptions.defaults());
                verdict = report.verdict().name();
                reason = reason(report);
            } catch (VerificationException e) {
                verdict = "UNREADABLE";
                reason = e.code() + ": " + e.getMessage();
            }
            checked++;
            table.append(String.format("%-58s | %-30s | %-13s | %s%n", file, shorten(expectation, 30), verdict,
                    shorten(reason, 110)));
            String problem = judge(expectation, verdict, report);
            if (problem != null) {
                problems.add(file + ": " + problem);
            }
        }
        System.out.print(table);
        assertThat(checked).isEqualTo(lines.size() - 1);
        assertThat(problems).isEmpty();
    }

    /** Null when the verdict honours the expectation, else what is wrong. */
    static String judge(String expectation, String verdict, VerificationReport report) {
        boolean mustFail = MUST_FAIL.stream().anyMatch(expectation::startsWith);
        boolean mustPass = expectation.startsWith("VALID") || expectation.startsWith("OK");
        if (mustPass) {
            if (report == null || report.verdict() == Verdict.INVALID) {
                return "expected VALID (trust aside), got " + verdict;
            }
            for (SignatureReport s : report.signatures()) {
                for (Finding f : s.errors()) {
                    if (!TRUST_ONLY.contains(f.subIndication())) {
                        return "expected VALID (trust aside), signature " + s.index() + " has " + f.code();
                    }
                }
            }
            if (report.signatures().isEmpty()) {
                return "expected a signature";
            }
        }
        if (mustFail && report != null && report.verdict() == Verdict.VALID) {
            return "expected not VALID, got VALID";
        }
        return null;
    }

    private static String reason(VerificationReport r) {
        List<String> parts = new ArrayList<>();
        r.findings().stream().filter(f -> !f.isWarning()).forEach(f -> parts.add(f.message(Locale.ENGLISH)));
        for (SignatureReport s : r.signatures()) {
            String errs = s.errors().stream().filter(f -> !TRUST_ONLY.contains(f.subIndication()))
                    .map(f -> f.message(Locale.ENGLISH)).collect(Collectors.joining("; "));
            parts.add("#" + s.index() + " " + s.verdict() + (errs.isEmpty() ? " (trust only)" : " " + errs));
        }
        return String.join(" | ", parts);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    @Test
    void strictPolicyRejectsSignedAttributesNotInDerOrder() throws Exception {
        Path file = corpus().resolve("dss/dss-818_Signature-P-IT_ADO-1_HASH_FAILURE_ECDSA.pdf");
        VerificationReport lenient = Signatures.verify(file, VerificationOptions.defaults());
        assertThat(lenient.signatures().get(0).warnings()).extracting(Finding::code)
                .contains("cms.signedAttrsNotDerWarning");
        assertThat(lenient.verdict()).isEqualTo(Verdict.INDETERMINATE);
        VerificationReport strict = Signatures.verify(file,
                VerificationOptions.builder().policy(VerificationOptions.Policy.STRICT).build());
        assertThat(strict.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(strict.signatures().get(0).errors()).extracting(Finding::code).contains("cms.signedAttrsNotDer");
    }

    @Test
    void reasonsOfKnownAttacksAreTheRightOnes() throws Exception {
        Path dir = corpus();
        assertThat(firstError(dir, "dss/pdf-signed-added-page.pdf")).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(firstError(dir, "dss/pdf-removed-pages.pdf")).isIn(SubIndication.MODIFIED_AFTER_SIGNING,
                SubIndication.FORMAT_FAILURE);
        assertThat(firstError(dir, "dss/modified_after_signature.pdf"))
                .isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(firstError(dir, "dss/dss-2236_replace.pdf")).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(firstError(dir, "dss/pades-spoofing-replaced-reason.pdf"))
                .isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(firstError(dir, "pyhanko/form-update-override-appearance-stream-sneaky.pdf"))
                .isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(firstError(dir, "pyhanko/extensions-indirect-not-all-paths.pdf"))
                .isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(firstError(dir, "dss/pdf-signed-out-of-byteRange.pdf")).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(firstError(dir, "dss/pdf-double-signer-info.pdf")).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(firstError(dir, "pyhanko/pdf-sig-with-econtent.pdf")).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(firstError(dir, "dss/pades-two-sig-copied-tst.pdf")).isEqualTo(SubIndication.HASH_FAILURE);
        // allowed changes: later signatures, DSS and document timestamps leave earlier signatures untouched
        VerificationReport ltv = Signatures.verify(dir.resolve("dss/pades-ltv.pdf"), VerificationOptions.defaults());
        assertThat(ltv.signatures().get(0).changes()).isNotEmpty().allMatch(Change::allowed);
        assertThat(ltv.signatures().get(0).coverage()).isEqualTo(SignatureReport.Coverage.EARLIER_REVISION);
    }

    private static SubIndication firstError(Path dir, String file) throws Exception {
        VerificationReport r = Signatures.verify(dir.resolve(file), VerificationOptions.defaults());
        return r.signatures().stream().flatMap(s -> s.errors().stream())
                .filter(f -> !TRUST_ONLY.contains(f.subIndication())).map(Finding::subIndication).findFirst()
                .orElse(r.subIndication());
    }

    @Test
    void notAPdfIsACleanError() {
        Path file = corpus().resolve("dss/malformed-pades.pdf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Signatures.verify(file, VerificationOptions.defaults()))
                .isInstanceOf(VerificationException.class)
                .satisfies(e -> assertThat(((VerificationException) e).message(Locale.forLanguageTag("vi")))
                        .isNotBlank());
    }
}
