package vn.motcua.extraction.corpus;

import java.time.LocalDate;
import java.util.List;

import vn.motcua.extraction.header.DocumentType;
import vn.motcua.extraction.header.SignerAuthority;

/**
 * One generated test document: what is written (lines) and what the parser must find (expected fields). A null
 * expectation means the field must be absent.
 */
public record Spec(
        String id,
        boolean nationalTitle,
        List<String> orgLines,
        String expectedParent,
        String expectedBody,
        String numberLine,
        String expectedNumber,
        String expectedSymbol,
        List<String> dateLines,
        String expectedPlace,
        LocalDate expectedDate,
        String typeLine,
        DocumentType expectedType,
        List<String> summaryLines,
        List<String> bodyLines,
        SignerAuthority authority,
        String onBehalfOf,
        String signerTitle,
        String signerName,
        List<String> recipients,
        int fillerParagraphs) {

    public String expectedSummary() {
        return String.join(" ", summaryLines);
    }

    /** Công văn: the summary (V/v) sits in the left header column under the number. */
    public boolean summaryInHeader() {
        return typeLine == null;
    }

    /** The signature block lines, top to bottom. */
    public List<String> signatureLines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (authority != null) {
            lines.add(authority.name() + ". " + onBehalfOf);
        }
        if (signerTitle != null) {
            lines.add(signerTitle);
        }
        lines.add("");
        lines.add("(Đã ký)");
        lines.add("");
        lines.add(signerName);
        return lines;
    }

    /** The recipients block lines: "Nơi nhận:" and one bullet per item. */
    public List<String> recipientLines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("Nơi nhận:");
        for (int i = 0; i < recipients.size(); i++) {
            lines.add("- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"));
        }
        return lines;
    }

    public Spec withFiller(int paragraphs) {
        return new Spec(id + "-" + paragraphs, nationalTitle, orgLines, expectedParent, expectedBody, numberLine,
                expectedNumber, expectedSymbol, dateLines, expectedPlace, expectedDate, typeLine, expectedType,
                summaryLines, bodyLines, authority, onBehalfOf, signerTitle, signerName, recipients, paragraphs);
    }

    public Spec withId(String newId) {
        return new Spec(newId, nationalTitle, orgLines, expectedParent, expectedBody, numberLine, expectedNumber,
                expectedSymbol, dateLines, expectedPlace, expectedDate, typeLine, expectedType, summaryLines, bodyLines,
                authority, onBehalfOf, signerTitle, signerName, recipients, fillerParagraphs);
    }
}
