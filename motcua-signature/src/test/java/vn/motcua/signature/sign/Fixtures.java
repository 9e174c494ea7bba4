package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Assumptions;

/** Test data: sample PDFs, signature and seal PNGs drawn with Java2D, and BouncyCastle checks of signed PDFs. */
final class Fixtures {

    /** BouncyCastle's provider, for its RSASSA-PSS names in CMS verification. */
    static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    static final Path FONT = Path.of(Appearance.DEFAULT_FONT);

    private Fixtures() {
    }

    static void assumeFont() {
        if (!Files.isReadable(FONT)) {
            System.out.println("SKIPPED: " + FONT + " missing (install fonts-liberation2)");
        }
        Assumptions.assumeTrue(Files.isReadable(FONT), "fonts-liberation2 not installed");
    }

    /** An A4 document with a Decree 30 style text on each page (Liberation Serif when present, else Helvetica). */
    static byte[] samplePdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            boolean vietnamese = Files.isReadable(FONT);
            var font = vietnamese ? PDType0Font.load(doc, FONT.toFile())
                    : new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 13);
                    cs.setLeading(18);
                    cs.newLineAtOffset(70, 760);
                    List<String> lines = vietnamese
                            ? List.of("UBND PHƯỜNG BẾN THÀNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "                                              Độc lập - Tự do - Hạnh phúc",
                                    "Số: 123/QĐ-UBND", "", "QUYẾT ĐỊNH", "Về việc cấp giấy phép xây dựng",
                                    "Trang " + i + "/" + pages)
                            : List.of("UBND PHUONG BEN THANH", "So: 123/QD-UBND", "QUYET DINH", "Page " + i);
                    for (String l : lines) {
                        cs.showText(l);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blue handwritten-looking signature on a transparent background. */
    static byte[] signaturePng() {
        BufferedImage img = new BufferedImage(400, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 40, 200));
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Float(20, 110, 60, 10, 100, 150, 140, 60));
        g.draw(new CubicCurve2D.Float(140, 60, 190, 10, 220, 140, 270, 70));
        g.draw(new CubicCurve2D.Float(270, 70, 320, 20, 350, 120, 385, 50));
        g.drawLine(40, 140, 370, 125);
        g.dispose();
        return png(img);
    }

    /** A red round seal with text around, transparent outside and between the strokes. */
    static byte[] sealPng() {
        int size = 400;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(220, 20, 30, 230));
        g.setStroke(new BasicStroke(12));
        g.drawOval(10, 10, size - 20, size - 20);
        g.setStroke(new BasicStroke(5));
        g.drawOval(70, 70, size - 140, size - 140);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 38));
        String text = "UBND PHUONG BEN THANH * TP HO CHI MINH * ";
        double angleStep = 2 * Math.PI / text.length();
        for (int i = 0; i < text.length(); i++) {
            var t = g.getTransform();
            g.rotate(-Math.PI / 2 + i * angleStep, size / 2.0, size / 2.0);
            g.drawString(String.valueOf(text.charAt(i)), size / 2 - 10, 62);
            g.setTransform(t);
        }
        g.setFont(new Font(Font.SERIF, Font.BOLD, 60));
        g.drawString("★", size / 2 - 28, size / 2 + 20);
        g.dispose();
        return png(img);
    }

    static byte[] png(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One signature of a signed PDF as BouncyCastle sees it. */
    record Signed(PDSignature dictionary, CMSSignedData cms, SignerInformation signer, byte[] signedContent) {
    }

    /** All signatures of a PDF in file order, each parsed over its own /ByteRange. */
    static List<Signed> signatures(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Signed> out = new ArrayList<>();
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                byte[] content = sig.getSignedContent(pdf);
                // /Contents is zero-padded to the reserved size: the CMS is the first DER object in it
                byte[] der;
                try (var in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents(pdf))) {
                    der = in.readObject().getEncoded("DER");
                }
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), der);
                out.add(new Signed(sig, cms, cms.getSignerInfos().getSigners().iterator().next(), content));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks that the signature's CMS verifies over its byte range and that the byte range is well formed. */
    static void assertIntact(byte[] pdf, Signed s) throws Exception {
        int[] br = s.dictionary().getByteRange();
        assertThat(br[0]).isZero();
        assertThat(br[2] + br[3]).isLessThanOrEqualTo(pdf.length);
        assertThat(pdf[br[1]]).isEqualTo((byte) '<');
        assertThat(pdf[br[2] - 1]).isEqualTo((byte) '>');
        var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                (org.bouncycastle.cert.X509CertificateHolder) s.cms().getCertificates().getMatches(s.signer().getSID())
                        .iterator().next());
        assertThat(s.signer().verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert))).isTrue();
    }
}
