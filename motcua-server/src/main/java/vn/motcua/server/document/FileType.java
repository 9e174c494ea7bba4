package vn.motcua.server.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a dossier accepts, recognised by their first bytes — the name and the browser's content type are the
 * client's word and are not trusted.
 */
public enum FileType {
    PDF("application/pdf", ".pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", ".png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", ".jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    /** Office Open XML (docx, xlsx) is a zip container. */
    OOXML("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", new byte[]{'P', 'K', 3, 4}),
    /** Legacy Word (doc) is an OLE2 compound file. */
    OLE2("application/msword", ".doc", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});

    public static final int SNIFF_BYTES = 8;

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    FileType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<FileType> sniff(byte[] head) {
        return Arrays.stream(values())
                .filter(t -> head.length >= t.magic.length && Arrays.equals(head, 0, t.magic.length, t.magic, 0, t.magic.length))
                .findFirst();
    }
}
