package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Entry points behind {@link vn.motcua.signature.Signatures}; use the facade. */
public final class Verification {
    private static final long MAX_CMS_BYTES = 64L * 1024 * 1024;

    private Verification() {
    }

    public static VerificationReport verify(Path file, VerificationOptions options) throws VerificationException {
        if (looksLikePdf(file)) {
            return new PdfVerifier(file, options).verify();
        }
        return verifyCms(file, null, options);
    }

    public static VerificationReport verifyDetached(Path signature, Path data, VerificationOptions options)
            throws VerificationException {
        if (!Files.isRegularFile(data)) {
            throw new VerificationException("input.unreadable", null, data.getFileName(), "not a file");
        }
        return verifyCms(signature, data, options);
    }

    public static InputStream openSignedRevision(Path pdf, SignatureReport signature) throws IOException {
        long length = signature.signedRevisionLength();
        if (length <= 0 || length > Files.size(pdf)) {
            throw new IOException("signature has no signed revision in this file");
        }
        InputStream in = Files.newInputStream(pdf);
        return new java.io.FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private static boolean looksLikePdf(Path file) throws VerificationException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1024), java.nio.charset.StandardCharsets.ISO_8859_1);
            return head.contains("%PDF-");
        } catch (IOException e) {
            throw new VerificationException("input.unreadable", e, file.getFileName(), CmsVerifier.describe(e));
        }
    }

    private static VerificationReport verifyCms(Path signature, Path data, VerificationOptions options)
            throws VerificationException {
        byte[] der;
        try {
            if (Files.size(signature) > MAX_CMS_BYTES) {
                throw new VerificationException("input.tooLarge", null, signature.getFileName());
            }
            der = Files.readAllBytes(signature);
        } catch (IOException e) {
            throw new VerificationException("input.unreadable", e, signature.getFileName(), CmsVerifier.describe(e));
        }
        der = pemOrBase64(der);
        if (der.length == 0 || der[0] != 0x30) {
            throw new VerificationException("input.notSignature", null, signature.getFileName());
        }
        SignatureCheck c = new SignatureCheck();
        c.kind = data == null ? SignatureReport.Kind.CMS_ENVELOPING : SignatureReport.Kind.CMS_DETACHED;
        c.subFilter = "CMS";
        CmsVerifier.Content content = data == null ? null : out -> Files.copy(data, out);
        CmsVerifier.Outcome o = CmsVerifier.verify(der, content, List.of(), options.policy());
        if (o.signedData == null && o.hasErrors()) {
            throw new VerificationException("input.notSignature", null, signature.getFileName());
        }
        c.cms = o;
        c.findings.addAll(o.findings);
        c.signerCert = o.signerCert;
        c.digestAlgorithm = o.digestAlgorithm;
        c.signatureAlgorithm = o.signatureAlgorithm;
        c.intact = o.intact;
        c.coverage = SignatureReport.Coverage.WHOLE_FILE;
        if (o.claimedSigningTime != null) {
            c.signingTime = o.claimedSigningTime;
            c.timeSource = SignatureReport.TimeSource.CLAIMED_SIGNING_TIME;
        }
        try {
            Timestamps.signatureTimestamp(c, o, DssData.NONE, options);
        } catch (IOException e) {
            c.error(SubIndication.FORMAT_FAILURE, "cms.malformed", CmsVerifier.describe(e));
        }
        CertificateChecks.check(c, DssData.NONE, options);
        List<SignatureCheck> checks = new ArrayList<>(List.of(c));
        Levels.assign(checks, DssData.NONE);
        return VerificationReport.of(signature.getFileName().toString(), List.of(c.toReport(1)), List.of());
    }

    /** .p7s files are sometimes PEM or bare Base64; anything else is taken as DER/BER. */
    private static byte[] pemOrBase64(byte[] raw) {
        String text = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (text.startsWith("-----BEGIN")) {
            text = text.replaceAll("-----[A-Z0-9 ]+-----", "");
        } else if (!text.matches("[A-Za-z0-9+/=\\s]+") || raw.length == 0 || raw[0] == 0x30) {
            return raw;
        }
        try {
            return java.util.Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
