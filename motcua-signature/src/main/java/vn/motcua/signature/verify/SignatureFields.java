package vn.motcua.signature.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Finds signed signature fields (AcroForm tree and page widgets) in one revision. */
final class SignatureFields {
    private static final int MAX_DEPTH = 64;

    private SignatureFields() {
    }

    static List<PdfVerifier.Found> find(PDDocument doc) {
        List<PdfVerifier.Found> result = new ArrayList<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary acroForm = catalog.getCOSDictionary(COSName.ACRO_FORM);
        if (acroForm != null && acroForm.getDictionaryObject(COSName.FIELDS) instanceof COSArray fields) {
            for (int i = 0; i < fields.size(); i++) {
                visit(fields.get(i), null, null, result, seen, 0);
            }
        }
        // widgets of signature fields missing from /Fields still claim to be signatures on the page
        for (var page : doc.getPages()) {
            if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
                for (int i = 0; i < annots.size(); i++) {
                    visit(annots.get(i), null, null, result, seen, 0);
                }
            }
        }
        return result;
    }

    private static void visit(COSBase item, String parentName, COSName inheritedType,
                              List<PdfVerifier.Found> result, Set<COSBase> seen, int depth) {
        COSBase obj = item instanceof COSObject o ? o.getObject() : item;
        if (!(obj instanceof COSDictionary field) || depth > MAX_DEPTH || !seen.add(field)) {
            return;
        }
        String partial = field.getString(COSName.T);
        String name = partial == null ? parentName : parentName == null ? partial : parentName + "." + partial;
        COSName ft = field.getCOSName(COSName.FT);
        if (ft == null) {
            ft = inheritedType != null ? inheritedType : inheritedFieldType(field);
        }
        if (COSName.SIG.equals(ft)) {
            COSBase v = field.getItem(COSName.V);
            COSBase vObj = v instanceof COSObject o ? o.getObject() : v;
            if (vObj instanceof COSDictionary sig && seen.add(sig)) {
                COSObjectKey holder = v instanceof COSObject o ? o.getKey() : keyOf(item, field);
                result.add(new PdfVerifier.Found(name, field, sig, holder));
            }
        }
        if (field.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) {
                visit(kids.get(i), name, ft, result, seen, depth + 1);
            }
        }
    }

    private static COSName inheritedFieldType(COSDictionary field) {
        COSDictionary p = field.getCOSDictionary(COSName.PARENT);
        for (int i = 0; p != null && i < MAX_DEPTH; i++) {
            COSName ft = p.getCOSName(COSName.FT);
            if (ft != null) {
                return ft;
            }
            p = p.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    private static COSObjectKey keyOf(COSBase item, COSDictionary field) {
        if (item instanceof COSObject o) {
            return o.getKey();
        }
        return field.getKey();
    }
}
