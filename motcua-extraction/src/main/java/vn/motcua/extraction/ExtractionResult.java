package vn.motcua.extraction;

import java.util.Optional;

import vn.motcua.extraction.header.DocumentHeader;
import vn.motcua.extraction.legacy.LegacyEncoding;

/**
 * What one extraction produced.
 *
 * @param status         the outcome; text and header are empty unless it is {@link Status#OK}
 * @param message        what happened, in Vietnamese and English
 * @param mediaType      the detected media type, when detection got that far
 * @param metadata       the file's own metadata
 * @param language       detected language of the text (ISO 639-1 where known, e.g. "vi")
 * @param text           the text in reading order, NFC; for a header-only extraction of a PDF, page 1 and the last
 *                       pages only (see {@code partialText})
 * @param firstPage      the text of page 1 (PDF), or the beginning of the text for formats without pages
 * @param header         the Decree-30 header fields; offsets refer to {@code text}
 * @param legacyEncoding the legacy encoding the text was converted from, if any
 * @param truncated      the text reached the character limit and was cut
 * @param partialText    only the pages that hold the header and the signature were read
 */
public record ExtractionResult(Status status, Message message, Optional<String> mediaType, FileMetadata metadata,
        Optional<String> language, String text, String firstPage, DocumentHeader header,
        Optional<LegacyEncoding> legacyEncoding, boolean truncated, boolean partialText) {

    static ExtractionResult failure(Status status, Message message, Optional<String> mediaType) {
        return new ExtractionResult(status, message, mediaType, FileMetadata.none(), Optional.empty(), "", "",
                DocumentHeader.empty(), Optional.empty(), false, false);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
