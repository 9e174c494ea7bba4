package vn.motcua.signature.sign;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.motcua.signature.sign.SigningException.Reason;

/**
 * Draws a signature appearance into a one-page template PDF, the form PDFBox's {@code SignatureOptions} takes for a
 * visible signature (its widget rectangle and /AP are copied into the signed document).
 */
final class AppearanceRenderer {

    private static final float MM = 72f / 25.4f;
    private static final float DECREE30_FONT_SIZE = 9f;
    /** Decree 30: electronic-copy stamps are 10 pt. */
    private static final float COPY_FONT_SIZE = 10f;
    private static final float LEADING = 1.15f;
    /** Room under the last baseline for descenders (g, y, ý), in ems; Liberation Serif's go about 0.22 em down. */
    private static final float DESCENT = 0.3f;
    /** The stamp sits in the page's top margin (20-25 mm in Decree 30), clear of the right edge. */
    private static final float COPY_TOP_MARGIN = 5 * MM;
    private static final float COPY_RIGHT_MARGIN = 10 * MM;

    private AppearanceRenderer() {
    }

    /** ISO 8601 with the zone offset, to the second: what the appearance prints. */
    static String isoTime(Instant time, Appearance a) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS).atZone(a.zone()));
    }

    /**
     * @param pageBox  the target page's crop box (unrotated)
     * @param rotation the page's /Rotate; positions are taken as the page is displayed and the block is drawn upright
     */
    static byte[] template(Appearance a, PDRectangle pageBox, int rotation, String signer, Instant time)
            throws SigningException {
        int quarterTurns = Math.floorMod(rotation, 360) / 90;
        boolean sideways = quarterTurns % 2 == 1;
        // the page as the reader sees it, origin at its bottom-left corner
        float shownWidth = sideways ? pageBox.getHeight() : pageBox.getWidth();
        float shownHeight = sideways ? pageBox.getWidth() : pageBox.getHeight();
        try (PDDocument t = new PDDocument()) {
            PDPage page = new PDPage(pageBox);
            t.addPage(page);
            PDType0Font font = loadFont(t, a);
            List<String> lines = new ArrayList<>();
            if (a.kind() == Appearance.Kind.COPY_STAMP) {
                lines.add(Messages.text(a.locale(), "copy." + a.copyKind().name()));
            }
            lines.add(Messages.text(a.locale(), "appearance.signedBy", signer));
            if (a.agency() != null && !a.agency().isBlank()) {
                lines.add(Messages.text(a.locale(), "appearance.agency", a.agency()));
            }
            lines.add(Messages.text(a.locale(), "appearance.time", isoTime(time, a)));

            PDRectangle rect;
            PDAppearanceStream ap = new PDAppearanceStream(t);
            ap.setResources(new PDResources());
            if (a.kind() == Appearance.Kind.COPY_STAMP) {
                float size = COPY_FONT_SIZE;
                float w = maxWidth(font, lines, size) + 2;
                float h = lines.size() * size * LEADING + DESCENT * size;
                rect = new PDRectangle(shownWidth - COPY_RIGHT_MARGIN - w, shownHeight - COPY_TOP_MARGIN - h, w, h);
                ap.setBBox(new PDRectangle(w, h));
                try (PDPageContentStream cs = new PDPageContentStream(t, ap)) {
                    text(cs, font, size, lines, 1, h - size);
                }
            } else {
                BufferedImage sigImg = image(a.signatureImage());
                BufferedImage sealImg = a.sealImage() == null ? null : image(a.sealImage());
                float sigW = a.signatureWidthMm() * MM;
                float sigH = sigW * sigImg.getHeight() / sigImg.getWidth();
                float sealD = sealImg == null ? 0 : a.sealDiameterMm() * MM;
                float sealH = sealImg == null ? 0 : sealD * sealImg.getHeight() / sealImg.getWidth();
                // Decree 30: the seal covers about a third of the signature, on its left
                float sigX = sealImg == null ? 0 : sealD - sigW / 3;
                float imagesH = Math.max(sigH, sealH);
                float size = DECREE30_FONT_SIZE;
                float textH = lines.size() * size * LEADING + DESCENT * size;
                float w = Math.max(sigX + sigW, maxWidth(font, lines, size) + 2);
                float h = imagesH + textH + 2;
                rect = new PDRectangle(a.x(), a.y(), w, h);
                ap.setBBox(new PDRectangle(w, h));
                try (PDPageContentStream cs = new PDPageContentStream(t, ap)) {
                    PDImageXObject sig = LosslessFactory.createFromImage(t, sigImg);
                    cs.drawImage(sig, sigX, textH + (imagesH - sigH) / 2, sigW, sigH);
                    if (sealImg != null) {
                        // the seal is stamped over the handwritten signature, so it is drawn last
                        PDImageXObject seal = LosslessFactory.createFromImage(t, sealImg);
                        cs.drawImage(seal, 0, textH + (imagesH - sealH) / 2, sealD, sealH);
                    }
                    text(cs, font, size, lines, 1, textH - size);
                }
            }

            if (quarterTurns != 0) {
                // counter the page rotation so the block reads upright where the reader sees it
                ap.setMatrix(AffineTransform.getQuadrantRotateInstance(quarterTurns));
            }
            rect = toPageSpace(rect, pageBox, quarterTurns);

            PDAcroForm form = new PDAcroForm(t);
            t.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.getFields().add(field);
            widget.setRectangle(rect);
            widget.setPage(page);
            widget.setPrinted(true);
            PDAppearanceDictionary apd = new PDAppearanceDictionary();
            apd.setNormalAppearance(ap);
            widget.setAppearance(apd);
            page.getAnnotations().add(widget);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException(Reason.IO_ERROR, e, e.getMessage());
        }
    }

    /** Maps a rectangle given on the displayed page to the unrotated page space of the widget's /Rect. */
    static PDRectangle toPageSpace(PDRectangle shown, PDRectangle pageBox, int quarterTurns) {
        float w = pageBox.getWidth();
        float h = pageBox.getHeight();
        float u0 = shown.getLowerLeftX();
        float v0 = shown.getLowerLeftY();
        float u1 = shown.getUpperRightX();
        float v1 = shown.getUpperRightY();
        float llx = pageBox.getLowerLeftX();
        float lly = pageBox.getLowerLeftY();
        return switch (quarterTurns) {
            case 1 -> new PDRectangle(llx + w - v1, lly + u0, v1 - v0, u1 - u0);
            case 2 -> new PDRectangle(llx + w - u1, lly + h - v1, u1 - u0, v1 - v0);
            case 3 -> new PDRectangle(llx + v0, lly + h - u1, v1 - v0, u1 - u0);
            default -> new PDRectangle(llx + u0, lly + v0, u1 - u0, v1 - v0);
        };
    }

    private static PDType0Font loadFont(PDDocument t, Appearance a) throws SigningException {
        if (!Files.isReadable(a.font())) {
            throw new SigningException(Reason.FONT_MISSING, a.font());
        }
        try {
            return PDType0Font.load(t, a.font().toFile());
        } catch (IOException e) {
            throw new SigningException(Reason.FONT_MISSING, e, a.font());
        }
    }

    private static BufferedImage image(byte[] png) throws SigningException {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null || img.getWidth() == 0 || img.getHeight() == 0) {
                throw new SigningException(Reason.IMAGE_UNREADABLE, "not a PNG/JPEG image");
            }
            return img;
        } catch (IOException e) {
            throw new SigningException(Reason.IMAGE_UNREADABLE, e, e.getMessage());
        }
    }

    private static float maxWidth(PDType0Font font, List<String> lines, float size) throws IOException {
        float max = 0;
        for (String l : lines) {
            max = Math.max(max, font.getStringWidth(l) / 1000 * size);
        }
        return max;
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, List<String> lines, float x,
            float firstBaseline) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.setLeading(size * LEADING);
        cs.newLineAtOffset(x, firstBaseline);
        for (String l : lines) {
            cs.showText(l);
            cs.newLine();
        }
        cs.endText();
    }
}
