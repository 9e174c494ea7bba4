package vn.motcua.extraction.header;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Decree-30 header of an administrative document. A field the text does not show is empty, never guessed.
 * Offsets in every {@link Field} refer to the text that was parsed.
 */
public record DocumentHeader(
        Optional<Field<String>> nationalTitle,
        Optional<Field<String>> issuingBodyParent,
        Optional<Field<String>> issuingBody,
        Optional<Field<String>> number,
        Optional<Field<String>> symbol,
        Optional<Field<DocumentType>> documentType,
        Optional<Field<String>> place,
        Optional<Field<LocalDate>> date,
        Optional<Field<String>> summary,
        Optional<Field<SignerAuthority>> signerAuthority,
        Optional<Field<String>> signerOnBehalfOf,
        Optional<Field<String>> signerTitle,
        Optional<Field<String>> signerName,
        Optional<Field<List<String>>> recipients) {

    /** A header with no field at all (used when there is no text). */
    public static DocumentHeader empty() {
        return new DocumentHeader(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether the national title (Quốc hiệu) heads the document; internal documents have none. */
    public boolean hasNationalTitle() {
        return nationalTitle.isPresent();
    }
}
