package vn.motcua.extraction.corpus;

/** How a document is laid out, and so in which order an extractor sees its header columns. */
public enum Layout {
    /** DOCX, header as a two-column table of two rows (org | national title, number | date). */
    DOCX_TABLE("docx"),
    /** DOCX, header as plain paragraphs: left column, then right column; signature before recipients. */
    DOCX_PARAGRAPHS("docx"),
    /** PDF, the content stream holds the left column, then the right column. */
    PDF_COLUMNS("pdf"),
    /** PDF, the content stream holds the right column first (national title, date; signature before recipients). */
    PDF_COLUMNS_RIGHT_FIRST("pdf"),
    /** PDF, each visual row is written left then right on one baseline: text comes out line by line, merged. */
    PDF_LINES("pdf"),
    /** Word 97-2003 from the committed template (header and signature in borderless tables), filled by POI HWPF. */
    DOC_TABLE("doc"),
    /** Word 97-2003 from the flat template: one column of paragraphs, signature before recipients. */
    DOC_FLAT("doc");

    public final String extension;

    Layout(String extension) {
        this.extension = extension;
    }
}
