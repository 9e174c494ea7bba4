package vn.motcua.server.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.Appearance;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.sign.SignatureLevel;
import vn.motcua.signature.sign.SigningException;
import vn.motcua.signature.sign.SigningKey;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The leader's signer on the server: a PAdES signature (RSA-PSS/SHA-256 by default, Circular 15/2025) with the key of a
 * PKCS#12 file or a PKCS#11 token, at the configured level (B-B, or B-T / B-LT with a TSA), with the Decree-30 visible
 * block (signature image, seal, agency name, time) when images are configured, invisible otherwise. The key is opened
 * once at start, so a wrong password or PIN stops the start with a clear message instead of failing at the first
 * signature. Only PDFs are signed; another draft format is kept unsigned and shown as such. See {@link SigningConfiguration}.
 */
final class ConfiguredResultSigner implements ResultSigner, DisposableBean {

    /** Where the visible block goes: page (1-based; 0 = last page) and its lower-left corner in points. */
    record Placement(int page, float x, float y) {
    }

    /** Images for the visible block; a null signature image means an invisible signature. */
    record Images(byte[] signature, byte[] seal, String agency) {
    }

    private final SigningKey key;
    private final SignatureLevel level;
    private final URI tsaUrl;
    private final Images images;
    private final Placement placement;

    ConfiguredResultSigner(SigningKey key, SignatureLevel level, URI tsaUrl, Images images, Placement placement) {
        this.key = key;
        this.level = level;
        this.tsaUrl = tsaUrl;
        this.images = images;
        this.placement = placement;
    }

    @Override
    public SignedResult sign(byte[] pdf, String resultCode, String leaderUserId, Instant at) {
        if (FileType.sniff(Arrays.copyOf(pdf, Math.min(pdf.length, FileType.SNIFF_BYTES))).orElse(null) != FileType.PDF) {
            return new SignedResult(pdf, false);
        }
        SignOptions.Builder options = SignOptions.builder()
                .level(level)
                .reason(resultCode)
                .clock(Clock.fixed(at, ZoneOffset.UTC));
        if (tsaUrl != null) {
            options.tsaUrl(tsaUrl);
        }
        if (images.signature() != null) {
            int page = placement.page() > 0 ? placement.page() : lastPage(pdf);
            options.appearance(Appearance.decree30(page, placement.x(), placement.y(), images.signature(),
                    images.seal(), images.agency()));
        }
        try {
            return new SignedResult(Signatures.sign(pdf, key, options.build()), true);
        } catch (SigningException e) {
            // Refusing the action keeps the dossier as it was: the transaction around it rolls back.
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing", e.reason().name());
        }
    }

    private static int lastPage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Math.max(1, document.getNumberOfPages());
        } catch (IOException e) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing", "DAMAGED_PDF");
        }
    }

    @Override
    public void destroy() {
        key.close();
    }

    @Override
    public String toString() {
        return "ConfiguredResultSigner[" + level + ", chain of " + key.chain().size() + ", visible="
                + (images.signature() != null) + ", page/x/y=" + Arrays.asList(placement.page(), placement.x(),
                placement.y()) + "]";
    }
}
