package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Nested containers: embedded documents are read down to the configured depth and no further. */
class EmbeddedLimitTest {

    @Test
    void embeddedDocumentsAreReadOnlyDownToTheDepthLimit() throws Exception {
        byte[] innermost = docx("Phụ lục cấp ba", null);
        byte[] middle = docx("Phụ lục cấp hai", innermost);
        byte[] outer = docx("Văn bản chính", middle);

        ExtractionResult all = extract(outer, Limits.defaults());
        assertThat(all.status()).isEqualTo(Status.OK);
        assertThat(all.text()).contains("Văn bản chính", "Phụ lục cấp hai", "Phụ lục cấp ba");

        ExtractionResult one = extract(outer, Limits.defaults().withMaxEmbeddedDepth(1));
        assertThat(one.text()).contains("Văn bản chính", "Phụ lục cấp hai").doesNotContain("Phụ lục cấp ba");

        ExtractionResult none = extract(outer, Limits.defaults().withMaxEmbeddedDepth(0));
        assertThat(none.text()).contains("Văn bản chính").doesNotContain("Phụ lục");
    }

    private static ExtractionResult extract(byte[] bytes, Limits limits) {
        return Extraction.extract(new ByteArrayInputStream(bytes), "hs.docx", limits);
    }

    /** A DOCX with one paragraph and, optionally, another DOCX embedded as a package part. */
    private static byte[] docx(String text, byte[] embedded) throws IOException, InvalidFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(text);
            if (embedded != null) {
                PackagePartName name = PackagingURIHelper.createPartName("/word/embeddings/phu-luc.docx");
                PackagePart part = doc.getPackage().createPart(name,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                try (OutputStream os = part.getOutputStream()) {
                    os.write(embedded);
                }
                doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package");
            }
            doc.write(out);
        }
        return out.toByteArray();
    }
}
