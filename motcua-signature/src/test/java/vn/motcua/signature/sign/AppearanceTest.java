package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.assertIntact;
import static vn.motcua.signature.sign.Fixtures.samplePdf;
import static vn.motcua.signature.sign.Fixtures.signatures;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SigningException.Reason;
import vn.motcua.signature.testpki.TestPki;

class AppearanceTest {

    private static final float MM = 72f / 25.4f;
    private static final Instant SIGNED_AT = Instant.parse("2026-11-23T08:30:15Z");
    private static TestPki pki;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @BeforeEach
    void font() {
        Fixtures.assumeFont();
    }

    private static SignOptions options(Appearance appearance) {
        return SignOptions.builder().appearance(appearance).clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).build();
    }

    @Test
    void decree30BlockWithSealOverlappingTheSignature() throws Exception {
        Appearance a = Appearance.decree30(2, 320, 250, Fixtures.signaturePng(), Fixtures.sealPng(),
                "UBND Phường Bến Thành");
        byte[] signed = Signatures.sign(samplePdf(2), PadesSigningTest.key(pki.signer()), options(a));
        assertIntact(signed, signatures(signed).get(0));

        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            assertThat(doc.getPage(1).getAnnotations()).anyMatch(x -> x.getCOSObject() == widget.getCOSObject());
            assertThat(doc.getPage(0).getAnnotations()).isEmpty();
            PDRectangle r = widget.getRectangle();
            assertThat(r.getLowerLeftX()).isEqualTo(320f);
            assertThat(r.getLowerLeftY()).isEqualTo(250f);
            // seal 36 mm + two thirds of a 40 mm signature
            assertThat(r.getWidth()).isCloseTo(36 * MM + 40 * MM * 2 / 3, org.assertj.core.data.Offset.offset(1f));

            String content = appearanceText(widget);
            PDType0Font font = embeddedFont(widget);
            assertThat(font.getName()).contains("LiberationSerif");
            assertThat(font.isEmbedded()).isTrue();
            // the printed texts encode in the embedded subset: Vietnamese glyphs are there
            for (String line : new String[] {"Ký bởi: Nguyễn Văn An", "Cơ quan: UBND Phường Bến Thành",
                    "Thời gian ký: 2026-11-23T15:30:15+07:00"}) {
                assertThat(font.encode(line)).isNotEmpty();
            }
            assertThat(content).contains("Do");

            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(1, 100);
            Path out = Path.of("target", "appearance-decree30.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
            float scale = 100f / 72f;
            int top = (int) ((doc.getPage(1).getMediaBox().getHeight() - r.getUpperRightY()) * scale);
            int bottom = (int) ((doc.getPage(1).getMediaBox().getHeight() - r.getLowerLeftY()) * scale);
            int left = (int) (r.getLowerLeftX() * scale);
            int sealRight = (int) ((r.getLowerLeftX() + 36 * MM) * scale);
            int right = (int) (r.getUpperRightX() * scale);
            int redLeft = count(page, left, sealRight, top, bottom, true);
            int redRight = count(page, sealRight + 2, right, top, bottom, true);
            int blue = count(page, left, right, top, bottom, false);
            int blueUnderSeal = count(page, left, sealRight, top, bottom, false);
            assertThat(redLeft).as("red seal on the left").isGreaterThan(500);
            assertThat(redRight).as("no seal right of its diameter").isZero();
            assertThat(blue).as("blue signature").isGreaterThan(500);
            assertThat(blueUnderSeal).as("the seal overlaps the signature's left third").isGreaterThan(20);
        }
    }

    @Test
    void copyStampAtTheTopRightOfPageOneIn10Points() throws Exception {
        Appearance a = Appearance.copyStamp(CopyKind.SAO_Y, "Văn phòng UBND Phường Bến Thành");
        byte[] signed = Signatures.sign(samplePdf(3), PadesSigningTest.key(pki.signer()), options(a));
        assertIntact(signed, signatures(signed).get(0));
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            assertThat(doc.getPage(0).getAnnotations()).anyMatch(x -> x.getCOSObject() == widget.getCOSObject());
            PDRectangle r = widget.getRectangle();
            PDRectangle page = doc.getPage(0).getCropBox();
            assertThat(r.getUpperRightX()).isCloseTo(page.getUpperRightX() - 10 * MM,
                    org.assertj.core.data.Offset.offset(0.01f));
            assertThat(r.getUpperRightY()).isCloseTo(page.getUpperRightY() - 5 * MM,
                    org.assertj.core.data.Offset.offset(0.01f));
            String content = appearanceText(widget);
            assertThat(content).contains(" 10 Tf").doesNotContain(" Do");
            assertThat(content).contains("0 0 0 rg");
            PDType0Font font = embeddedFont(widget);
            assertThat(font.encode("SAO Y")).isNotEmpty();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png",
                    Path.of("target", "appearance-sao-y.png").toFile());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {90, 180, 270})
    void rotatedPagesGetTheStampUprightAtTheTopRightAsDisplayed(int rotation) throws Exception {
        byte[] pdf;
        try (PDDocument doc = Loader.loadPDF(samplePdf(1)); var out = new java.io.ByteArrayOutputStream()) {
            doc.getPage(0).setRotation(rotation);
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] signed = Signatures.sign(pdf, PadesSigningTest.key(pki.signer()),
                options(Appearance.copyStamp(CopyKind.SAO_Y, "Văn phòng UBND")));
        assertIntact(signed, signatures(signed).get(0));
        BufferedImage before;
        BufferedImage after;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            before = new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
        try (PDDocument doc = Loader.loadPDF(signed)) {
            after = new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
        ImageIO.write(after, "png", Path.of("target", "appearance-rotated-" + rotation + ".png").toFile());
        // the pixels the stamp added, as the page is displayed
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < after.getHeight(); y++) {
            for (int x = 0; x < after.getWidth(); x++) {
                if (after.getRGB(x, y) != before.getRGB(x, y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("stamp drawn").isPositive();
        float mm = 72f / 25.4f;
        assertThat(after.getWidth() - maxX).as("10 mm from the right edge").isBetween((int) (10 * mm) - 3,
                (int) (10 * mm) + 4);
        assertThat(minY).as("5 mm from the top").isBetween((int) (5 * mm) - 1, (int) (5 * mm) + 6);
        assertThat(maxX - minX).as("text lines run left to right: wider than tall").isGreaterThan(2 * (maxY - minY));
    }

    @Test
    void englishLabelsOnRequest() throws Exception {
        Appearance a = Appearance.copyStamp(CopyKind.SAO_Y, "People's Committee").withLocale(java.util.Locale.ENGLISH);
        byte[] signed = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), options(a));
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDType0Font font = embeddedFont(field.getWidgets().get(0));
            // "CERTIFIED COPY" needs the glyphs C, E, R, T, I, F, D, O, P, Y; the subset holds only glyphs used
            assertThat(font.encode("CERTIFIED COPY")).isNotEmpty();
        }
    }

    @Test
    void badAppearanceInputsAreTypedErrors(@org.junit.jupiter.api.io.TempDir Path dir) {
        Appearance missingFont = Appearance.copyStamp(CopyKind.SAO_Y, "X").withFont(dir.resolve("none.ttf"));
        assertThatThrownBy(() -> Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()),
                options(missingFont))).isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FONT_MISSING));
        Appearance badImage = Appearance.decree30(1, 300, 100, "not an image".getBytes(StandardCharsets.US_ASCII),
                null, "X");
        assertThatThrownBy(() -> Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()),
                options(badImage))).isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE_UNREADABLE));
        Appearance badPage = Appearance.decree30(5, 300, 100, Fixtures.signaturePng(), null, "X");
        assertThatThrownBy(() -> Signatures.sign(samplePdf(2), PadesSigningTest.key(pki.signer()),
                options(badPage))).isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PAGE_OUT_OF_RANGE);
                    assertThat(e.getMessage()).contains("Không có trang 5").contains("Page 5 does not exist");
                });
    }

    private static String appearanceText(PDAnnotationWidget widget) throws Exception {
        PDAppearanceStream ap = widget.getAppearance().getNormalAppearance().getAppearanceStream();
        try (InputStream in = ap.getContents()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static PDType0Font embeddedFont(PDAnnotationWidget widget) throws Exception {
        PDAppearanceStream ap = widget.getAppearance().getNormalAppearance().getAppearanceStream();
        for (COSName name : ap.getResources().getFontNames()) {
            PDFont f = ap.getResources().getFont(name);
            if (f instanceof PDType0Font t0) {
                return t0;
            }
        }
        throw new AssertionError("no Type0 font in the appearance");
    }

    /** Pixels that are clearly red (seal) or clearly blue (signature) in a box of the rendered page. */
    private static int count(BufferedImage img, int x0, int x1, int y0, int y1, boolean red) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (red ? r > 150 && g < 100 && b < 100 : b > 150 && r < 100 && g < 120) {
                    n++;
                }
            }
        }
        return n;
    }
}
