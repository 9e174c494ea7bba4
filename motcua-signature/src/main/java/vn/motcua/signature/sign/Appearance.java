package vn.motcua.signature.sign;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How a signature looks on the page. Three kinds:
 * <ul>
 * <li>{@link #invisible()}: no appearance;</li>
 * <li>{@link #decree30}: the signer's signature image (blue PNG) with the agency seal (red PNG) overlapping about a third
 * of it on the left, then the signer, the agency and the signing time in ISO 8601, as Decree 30/2020 asks for a signed
 * result;</li>
 * <li>{@link #copyStamp}: no image, 10 pt black text at the top right of page 1, for electronic copies (SAO Y …).</li>
 * </ul>
 * Text uses Liberation Serif (Vietnamese glyphs, metric-compatible with Times New Roman), embedded as a subset; by
 * default from {@value #DEFAULT_FONT} (Debian package fonts-liberation2).
 */
public final class Appearance {

    /** Where Debian's fonts-liberation2 installs the regular serif face. */
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";

    enum Kind { INVISIBLE, DECREE_30, COPY_STAMP }

    private final Kind kind;
    private final int page;
    private final float x;
    private final float y;
    private final byte[] signatureImage;
    private final byte[] sealImage;
    private final String agency;
    private final CopyKind copyKind;
    private final float sealDiameterMm;
    private final float signatureWidthMm;
    private final Locale locale;
    private final ZoneId zone;
    private final Path font;

    private Appearance(Kind kind, int page, float x, float y, byte[] signatureImage, byte[] sealImage, String agency,
            CopyKind copyKind, float sealDiameterMm, float signatureWidthMm, Locale locale, ZoneId zone, Path font) {
        this.kind = kind;
        this.page = page;
        this.x = x;
        this.y = y;
        this.signatureImage = signatureImage;
        this.sealImage = sealImage;
        this.agency = agency;
        this.copyKind = copyKind;
        this.sealDiameterMm = sealDiameterMm;
        this.signatureWidthMm = signatureWidthMm;
        this.locale = locale;
        this.zone = zone;
        this.font = font;
    }

    public static Appearance invisible() {
        return new Appearance(Kind.INVISIBLE, 1, 0, 0, null, null, null, null, 0, 0, Messages.VIETNAMESE,
                ZoneId.of("Asia/Ho_Chi_Minh"), Path.of(DEFAULT_FONT));
    }

    /**
     * A Decree 30 signature block.
     *
     * @param page           1-based page number
     * @param x              left edge of the block, in points from the page's left edge
     * @param y              bottom edge of the block, in points from the page's bottom edge
     * @param signatureImage the signer's signature, PNG (blue, transparent background)
     * @param sealImage      the agency seal, PNG (red, transparent background), or null for a personal signature
     * @param agency         the agency's name as printed under the images
     */
    public static Appearance decree30(int page, float x, float y, byte[] signatureImage, byte[] sealImage,
            String agency) {
        Objects.requireNonNull(signatureImage, "signatureImage");
        return new Appearance(Kind.DECREE_30, page, x, y, signatureImage.clone(),
                sealImage == null ? null : sealImage.clone(), agency, null, 36f, 40f, Messages.VIETNAMESE,
                ZoneId.of("Asia/Ho_Chi_Minh"), Path.of(DEFAULT_FONT));
    }

    /** The stamp of an electronic copy at the top right of page 1: copy kind, signer, agency, time; 10 pt black. */
    public static Appearance copyStamp(CopyKind copyKind, String agency) {
        return new Appearance(Kind.COPY_STAMP, 1, 0, 0, null, null, agency, Objects.requireNonNull(copyKind), 0, 0,
                Messages.VIETNAMESE, ZoneId.of("Asia/Ho_Chi_Minh"), Path.of(DEFAULT_FONT));
    }

    /** Seal diameter in millimetres (real size; default 36 mm). */
    public Appearance withSealDiameterMm(float mm) {
        return new Appearance(kind, page, x, y, signatureImage, sealImage, agency, copyKind, mm, signatureWidthMm,
                locale, zone, font);
    }

    /** Width of the signature image in millimetres (default 40 mm); its height follows the image's aspect ratio. */
    public Appearance withSignatureWidthMm(float mm) {
        return new Appearance(kind, page, x, y, signatureImage, sealImage, agency, copyKind, sealDiameterMm, mm,
                locale, zone, font);
    }

    /** Language of the labels ("Ký bởi" / "Signed by"); default Vietnamese. */
    public Appearance withLocale(Locale locale) {
        return new Appearance(kind, page, x, y, signatureImage, sealImage, agency, copyKind, sealDiameterMm,
                signatureWidthMm, Objects.requireNonNull(locale), zone, font);
    }

    /** Time zone of the printed signing time; default Asia/Ho_Chi_Minh (+07:00). */
    public Appearance withZone(ZoneId zone) {
        return new Appearance(kind, page, x, y, signatureImage, sealImage, agency, copyKind, sealDiameterMm,
                signatureWidthMm, locale, Objects.requireNonNull(zone), font);
    }

    /** A TrueType font with Vietnamese glyphs to use instead of {@link #DEFAULT_FONT}. */
    public Appearance withFont(Path font) {
        return new Appearance(kind, page, x, y, signatureImage, sealImage, agency, copyKind, sealDiameterMm,
                signatureWidthMm, locale, zone, Objects.requireNonNull(font));
    }

    Kind kind() {
        return kind;
    }

    int page() {
        return page;
    }

    float x() {
        return x;
    }

    float y() {
        return y;
    }

    byte[] signatureImage() {
        return signatureImage;
    }

    byte[] sealImage() {
        return sealImage;
    }

    String agency() {
        return agency;
    }

    CopyKind copyKind() {
        return copyKind;
    }

    float sealDiameterMm() {
        return sealDiameterMm;
    }

    float signatureWidthMm() {
        return signatureWidthMm;
    }

    Locale locale() {
        return locale;
    }

    ZoneId zone() {
        return zone;
    }

    Path font() {
        return font;
    }
}
