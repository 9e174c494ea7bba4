package vn.motcua.signature.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Adds certificates, OCSP responses and CRLs to the document security store (/DSS, ISO 32000-2 §12.8.4.3) in a new
 * incremental update, so earlier signatures keep their byte ranges. Existing entries are kept; duplicates are not added.
 */
final class DssWriter {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");

    private DssWriter() {
    }

    static byte[] append(byte[] pdf, RevocationCollector.Material material) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            COSDictionary dss = catalog.getCOSDictionary(DSS);
            if (dss == null) {
                dss = new COSDictionary();
                catalog.setItem(DSS, dss);
            }
            catalog.setNeedToBeUpdated(true);
            dss.setNeedToBeUpdated(true);
            List<byte[]> certs = new ArrayList<>();
            for (X509Certificate c : material.certificates()) {
                try {
                    certs.add(c.getEncoded());
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            }
            addStreams(doc, dss, CERTS, certs);
            addStreams(doc, dss, OCSPS, material.ocsps());
            addStreams(doc, dss, CRLS, material.crls());
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static void addStreams(PDDocument doc, COSDictionary dss, COSName key, List<byte[]> items)
            throws IOException {
        COSArray array = dss.getCOSArray(key);
        if (array == null) {
            array = new COSArray();
            dss.setItem(key, array);
        }
        array.setNeedToBeUpdated(true);
        List<byte[]> present = new ArrayList<>();
        for (COSBase b : array) {
            COSBase o = b instanceof org.apache.pdfbox.cos.COSObject obj ? obj.getObject() : b;
            if (o instanceof COSStream s) {
                try (InputStream in = s.createInputStream()) {
                    present.add(in.readAllBytes());
                }
            }
        }
        for (byte[] item : items) {
            if (present.stream().anyMatch(p -> Arrays.equals(p, item))) {
                continue;
            }
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(item);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
            present.add(item);
        }
    }
}
