package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;

/** Validation data from the PDF's /DSS (certificates, CRLs, OCSP responses); entries that do not parse are skipped. */
record DssData(boolean present, List<X509CertificateHolder> certificates, List<X509CRLHolder> crls,
               List<BasicOCSPResp> ocsps) {

    static final DssData NONE = new DssData(false, List.of(), List.of(), List.of());
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;

    static DssData read(PDDocument doc) {
        COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return NONE;
        }
        List<X509CertificateHolder> certs = new ArrayList<>();
        List<X509CRLHolder> crls = new ArrayList<>();
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        for (byte[] b : streams(dss, "Certs")) {
            try {
                certs.add(new X509CertificateHolder(b));
            } catch (IOException | RuntimeException e) {
                // unusable entry: ignored, the chain check will then lack it
            }
        }
        for (byte[] b : streams(dss, "CRLs")) {
            try {
                crls.add(new X509CRLHolder(b));
            } catch (IOException | RuntimeException e) {
                // ignored, see above
            }
        }
        for (byte[] b : streams(dss, "OCSPs")) {
            try {
                Object r = new OCSPResp(b).getResponseObject();
                if (r instanceof BasicOCSPResp basic) {
                    ocsps.add(basic);
                }
            } catch (Exception e) {
                // ignored, see above
            }
        }
        return new DssData(true, certs, crls, ocsps);
    }

    private static List<byte[]> streams(COSDictionary dss, String key) {
        List<byte[]> result = new ArrayList<>();
        COSBase v = dss.getDictionaryObject(COSName.getPDFName(key));
        if (!(v instanceof COSArray arr)) {
            return result;
        }
        for (int i = 0; i < arr.size() && i < MAX_ENTRIES; i++) {
            COSBase item = arr.get(i);
            COSBase obj = item instanceof COSObject o ? o.getObject() : item;
            if (obj instanceof COSStream s && s.getLength() <= MAX_ENTRY_BYTES) {
                try (InputStream in = s.createInputStream()) {
                    result.add(in.readNBytes((int) MAX_ENTRY_BYTES));
                } catch (IOException e) {
                    // ignored, see above
                }
            }
        }
        return result;
    }
}
