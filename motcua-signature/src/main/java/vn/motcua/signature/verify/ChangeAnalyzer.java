package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.motcua.signature.verify.PdfStructure.Role;

/**
 * Compares a signature's revision with the final file object by object: every indirect object whose definition differs
 * (new, redefined, or inside a rewritten object stream) is classified by its role(s) in the final document, then checked
 * against what the certification level (DocMDP) and field locks (FieldMDP) permit. Each later incremental revision is
 * then compared with the one before it the same way ({@link #analyzeStep}), so that a disallowed change which a later
 * revision undoes is still reported, naming the revision that made it.
 */
final class ChangeAnalyzer {
    private static final long MAX_COMPARE_BYTES = 32L * 1024 * 1024;
    private static final Set<String> CATALOG_ALLOWED = Set.of("AcroForm", "DSS", "Extensions", "Metadata", "Version");
    /** Page-tree node keys that change what is displayed; others (e.g. producer markers like /ITXT) do not. */
    private static final Set<String> PAGES_RENDERING =
            Set.of("Kids", "Count", "Resources", "MediaBox", "CropBox", "Rotate", "Type", "Parent", "(type)");
    /** Page keys that may change when annotations or signatures are added (tagging, modification date). */
    private static final Set<String> PAGE_BOOKKEEPING = Set.of("StructParents", "LastModified", "PieceInfo", "Tabs");
    private static final Set<String> SIG_FIELD_FILL = Set.of("V", "AP", "AS", "F", "MK", "P", "DA", "Lock");
    private static final Set<String> FORM_FILL = Set.of("V", "AP", "AS", "RV", "MK", "I");
    private static final Set<String> ACROFORM_SIGN = Set.of("Fields", "SigFlags");
    private static final Set<String> ACROFORM_FILL = Set.of("Fields", "SigFlags", "DR", "DA", "NeedAppearances");
    /** Annotation types a certification with P=3 may receive: comments that cannot paint over the page. */
    private static final Set<String> HARMLESS_ANNOTATIONS =
            Set.of("Text", "Popup", "Highlight", "Underline", "Squiggly", "StrikeOut", "Caret");

    private static final int MAX_CHANGES = 500;

    /** The revision this signature covers: its certification level, field locks and signed fields. */
    private final PDDocument signed;
    /** The two revisions compared: the signed one and the final file, or two consecutive revisions. */
    private final PDDocument prev;
    private final PDDocument fin;
    /** Roles of the objects of {@link #fin}. */
    private final PdfStructure structure;
    private final SignatureCheck check;
    /** Null for the signed-versus-final comparison; "revision N" for one step, which reports disallowed changes only. */
    private final String step;
    private final Set<String> reported = new HashSet<>();
    private final int docMdp;
    private final Set<String> lockedFields;

    private ChangeAnalyzer(SignatureCheck check, PDDocument signed, PDDocument prev, PDDocument fin,
                           PdfStructure structure, PdfVerifier.Found found, String step) {
        this.check = check;
        this.signed = signed;
        this.prev = prev;
        this.fin = fin;
        this.structure = structure;
        this.step = step;
        this.docMdp = docMdpLevel(signed);
        this.lockedFields = lockedFields(signed, found);
        for (Change c : check.changes) {
            reported.add(c.kind() + "|" + c.allowed() + "|" + c.where());
        }
    }

    /** Records the changes between the signed revision and the final file; {@link #conclude} gives the verdict. */
    static void analyze(SignatureCheck check, PDDocument signed, PDDocument fin, PdfStructure structure,
                        PdfVerifier.Found found) throws IOException {
        new ChangeAnalyzer(check, signed, signed, fin, structure, found, null).run();
    }

    /**
     * Records the disallowed changes made by one incremental revision after the signed one ({@code next}, numbered
     * {@code revision} from 1 in the file) relative to the revision before it ({@code prev}). Allowed changes are not
     * repeated: the signed-versus-final comparison lists what remains of them.
     */
    static void analyzeStep(SignatureCheck check, PDDocument signed, PDDocument prev, PDDocument next,
                            PdfStructure nextStructure, PdfVerifier.Found found, int revision) throws IOException {
        new ChangeAnalyzer(check, signed, prev, next, nextStructure, found, "revision " + revision).run();
    }

    /** Turns the recorded changes into the signature's warning (annotations added) or error (disallowed change). */
    static void conclude(SignatureCheck check) {
        if (check.changes.stream().anyMatch(c -> c.kind() == Change.Kind.ANNOTATION && c.allowed())) {
            check.warning("pdf.annotationsAdded");
        }
        check.changes.stream().filter(c -> !c.allowed()).findFirst().ifPresent(c ->
                check.error(SubIndication.MODIFIED_AFTER_SIGNING, "pdf.modifiedAfterSigning",
                        c.kind() + " " + c.where()));
    }

    private void run() throws IOException {
        Map<COSObjectKey, Long> before = prev.getDocument().getXrefTable();
        Map<COSObjectKey, Long> after = fin.getDocument().getXrefTable();
        Set<COSObjectKey> changed = new LinkedHashSet<>();
        for (Map.Entry<COSObjectKey, Long> e : after.entrySet()) {
            Long old = before.get(e.getKey());
            if (old == null || !old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        // an object inside a redefined object stream is redefined too, even with the same xref entry
        Set<Long> rewrittenStreams = new HashSet<>();
        for (COSObjectKey k : changed) {
            rewrittenStreams.add(k.getNumber());
        }
        for (Map.Entry<COSObjectKey, Long> e : after.entrySet()) {
            if (e.getValue() != null && e.getValue() < 0 && rewrittenStreams.contains(-e.getValue())) {
                changed.add(e.getKey());
            }
        }
        if (structure.truncated) {
            add(Change.Kind.OTHER, false, "document structure too large or too deep to compare");
        }
        COSObjectKey rootBefore = keyOf(prev.getDocument().getTrailer().getItem(COSName.ROOT));
        COSObjectKey rootAfter = keyOf(fin.getDocument().getTrailer().getItem(COSName.ROOT));
        if (rootBefore == null || !rootBefore.equals(rootAfter)) {
            add(Change.Kind.CATALOG, false, "trailer /Root re-pointed");
        }
        for (COSObjectKey key : changed) {
            Set<Role> roles = structure.rolesOf(key);
            if (roles.isEmpty()) {
                continue; // not reachable from the final document: never displayed
            }
            COSBase now = object(fin, key);
            COSBase old = before.containsKey(key) ? object(prev, key) : null;
            if (old != null && equal(old, now, 0)) {
                continue;
            }
            String where = structure.where.get(key);
            for (Role role : roles) {
                classify(role, key, old, now, where);
            }
        }
    }

    private void classify(Role role, COSObjectKey key, COSBase old, COSBase now, String where) {
        switch (role) {
            case CATALOG -> {
                Set<String> diff = diffKeys(old, now);
                for (String k : diff) {
                    if ("Names".equals(k)) {
                        COSBase oldNames = deref(old, COSName.NAMES);
                        classify(Role.NAMES, key, oldNames == null ? new COSDictionary() : oldNames,
                                deref(now, COSName.NAMES), where);
                    } else if ("Perms".equals(k)) {
                        add(Change.Kind.CERTIFICATION, false, where + " /Perms");
                    } else if (!CATALOG_ALLOWED.contains(k)) {
                        add(Change.Kind.CATALOG, false, where + " /" + k);
                    } else if ("DSS".equals(k)) {
                        add(Change.Kind.DSS, true, where + " /DSS");
                    } else if ("AcroForm".equals(k)) {
                        add(Change.Kind.SIGNATURE, true, where + " /AcroForm");
                    } else {
                        add(Change.Kind.EXTENSION, true, where + " /" + k);
                    }
                }
            }
            case PAGES -> {
                if (old == null) {
                    add(Change.Kind.PAGES, false, where);
                    return;
                }
                for (String k : diffKeys(old, now)) {
                    boolean rendering = PAGES_RENDERING.contains(k);
                    add(rendering ? Change.Kind.PAGES : Change.Kind.EXTENSION, !rendering, where + " /" + k);
                }
            }
            case NAMES -> {
                Set<String> diff = diffKeys(old == null ? new COSDictionary() : old, now);
                diff.remove("AP");
                if (!diff.isEmpty()) {
                    add(Change.Kind.CATALOG, false, where + " " + diff);
                } else {
                    annotation(null, where + " /AP");
                }
            }
            case PAGE -> {
                if (old == null) {
                    add(Change.Kind.PAGES, false, where);
                    return;
                }
                for (String k : diffKeys(old, now)) {
                    if ("Annots".equals(k)) {
                        annotationList(((COSDictionary) old).getDictionaryObject(COSName.ANNOTS),
                                ((COSDictionary) now).getDictionaryObject(COSName.ANNOTS), where);
                    } else if (PAGE_BOOKKEEPING.contains(k)) {
                        add(Change.Kind.EXTENSION, true, where + " /" + k);
                    } else {
                        add(Change.Kind.PAGE_CONTENT, false, where + " /" + k);
                    }
                }
            }
            case ANNOTS -> annotationList(old, now, where);
            case ANNOTATION, ANNOT_APPEARANCE -> annotation(now, where);
            case SIG_FIELD -> signatureField(old, now, where);
            case FORM_FIELD -> {
                if (old == null) {
                    annotation(now, where);
                    return;
                }
                Set<String> diff = diffKeys(old, now);
                Set<String> rest = new HashSet<>(diff);
                rest.removeAll(FORM_FILL);
                if (!rest.isEmpty()) {
                    add(Change.Kind.OTHER, false, where + " " + rest);
                } else if (!valueChanged(key)) {
                    // a new look without a new value is not form filling (shadow "replace" attack)
                    add(Change.Kind.OTHER, false, where + " appearance changed without a value change");
                } else {
                    formFill(now, where);
                }
            }
            case FORM_APPEARANCE -> {
                Set<COSObjectKey> owners = structure.owners.getOrDefault(key, Set.of());
                if (old != null && !owners.isEmpty() && owners.stream().noneMatch(this::valueChanged)) {
                    add(Change.Kind.OTHER, false, where + " appearance changed without a value change");
                } else {
                    add(Change.Kind.FORM_FILL, mdpAllows(Change.Kind.FORM_FILL), where);
                }
            }
            case SIG_DICT -> {
                if (old != null) {
                    add(Change.Kind.SIGNATURE_DICTIONARY, false, where);
                } else {
                    boolean ts = now instanceof COSDictionary d
                            && COSName.DOC_TIME_STAMP.equals(d.getCOSName(COSName.TYPE));
                    Change.Kind k = ts ? Change.Kind.DOCUMENT_TIMESTAMP : Change.Kind.SIGNATURE;
                    add(k, mdpAllows(k), where);
                }
            }
            case SIG_APPEARANCE -> {
                // an appearance may change only for a signature field that was still empty when this signature was made
                boolean ownerSignedBefore = false;
                for (COSObjectKey owner : structure.owners.getOrDefault(key, Set.of())) {
                    COSBase o = signed.getDocument().getXrefTable().containsKey(owner) ? object(signed, owner) : null;
                    if (o instanceof COSDictionary d && d.getDictionaryObject(COSName.V) instanceof COSDictionary) {
                        ownerSignedBefore = true;
                    }
                }
                if (ownerSignedBefore && old != null) {
                    add(Change.Kind.SIGNATURE_DICTIONARY, false, where + " (appearance of a signed field)");
                } else {
                    add(Change.Kind.SIGNATURE, mdpAllows(Change.Kind.SIGNATURE), where);
                }
            }
            case ACROFORM -> {
                if (old == null) {
                    add(Change.Kind.SIGNATURE, mdpAllows(Change.Kind.SIGNATURE), where);
                    return;
                }
                Set<String> diff = diffKeys(old, now);
                Set<String> rest = new HashSet<>(diff);
                rest.removeAll(ACROFORM_FILL);
                if (!rest.isEmpty()) {
                    add(Change.Kind.OTHER, false, where + " " + rest);
                } else if (ACROFORM_SIGN.containsAll(diff)) {
                    add(Change.Kind.SIGNATURE, mdpAllows(Change.Kind.SIGNATURE), where);
                } else {
                    add(Change.Kind.FORM_FILL, mdpAllows(Change.Kind.FORM_FILL), where);
                }
            }
            case DSS -> add(Change.Kind.DSS, true, where);
            case STRUCT, EXTENSIONS -> add(Change.Kind.EXTENSION, true, where);
            case METADATA, INFO -> add(Change.Kind.METADATA, true, where);
            case PERMS -> add(Change.Kind.CERTIFICATION, false, where);
            case CONTENT, TRAILER -> add(Change.Kind.PAGE_CONTENT, false, where);
            default -> add(Change.Kind.OTHER, false, where);
        }
    }

    /** Whether the value (/V of the field or of the parent holding it) differs between the two revisions. */
    private boolean valueChanged(COSObjectKey field) {
        COSBase before = signed.getDocument().getXrefTable().containsKey(field) ? object(signed, field) : null;
        COSBase after = object(fin, field);
        if (!(before instanceof COSDictionary b) || !(after instanceof COSDictionary a)) {
            return true;
        }
        return !equal(inheritedValue(b), inheritedValue(a), 0);
    }

    private static COSBase inheritedValue(COSDictionary field) {
        COSDictionary f = field;
        for (int i = 0; f != null && i < 64; i++) {
            COSBase v = f.getDictionaryObject(COSName.V);
            if (v != null) {
                return v instanceof COSObject o ? o.getObject() : v;
            }
            f = f.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    private static COSBase deref(COSBase dict, COSName key) {
        return dict instanceof COSDictionary d ? d.getDictionaryObject(key) : null;
    }

    private void signatureField(COSBase old, COSBase now, String where) {
        if (old == null) {
            boolean visible = now instanceof COSDictionary d && visible(d);
            Change.Kind k = visible && docMdp > 0 ? Change.Kind.NEW_SIGNATURE_FIELD : Change.Kind.SIGNATURE;
            add(k, mdpAllows(k), where);
            return;
        }
        boolean wasSigned = old instanceof COSDictionary d && d.getDictionaryObject(COSName.V) != null;
        Set<String> diff = diffKeys(old, now);
        Set<String> rest = new HashSet<>(diff);
        rest.removeAll(SIG_FIELD_FILL);
        rest.remove("Kids");
        if (!rest.isEmpty()) {
            add(Change.Kind.OTHER, false, where + " " + rest);
        } else if (wasSigned && (diff.contains("V") || diff.contains("AP"))) {
            add(Change.Kind.SIGNATURE_DICTIONARY, false, where);
        } else {
            add(Change.Kind.SIGNATURE, mdpAllows(Change.Kind.SIGNATURE), where);
        }
    }

    private void formFill(COSBase now, String where) {
        String name = now instanceof COSDictionary d ? fieldName(d) : null;
        if (name != null && lockedFields.contains(name)) {
            add(Change.Kind.LOCKED_FIELD, false, where + " field " + name);
        } else if (lockedFields.contains("*")) {
            add(Change.Kind.LOCKED_FIELD, false, where);
        } else {
            add(Change.Kind.FORM_FILL, mdpAllows(Change.Kind.FORM_FILL), where);
        }
    }

    private void annotationList(COSBase oldArr, COSBase newArr, String where) {
        List<COSBase> before = elements(oldArr);
        List<COSBase> after = elements(newArr);
        for (COSBase a : after) {
            if (!containsRef(before, a)) {
                COSBase obj = a instanceof COSObject o ? o.getObject() : a;
                if (obj instanceof COSDictionary d && (COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))
                        || d.containsKey(COSName.FT))) {
                    if (PdfStructure.isSignatureField(d)) {
                        Change.Kind k = visible(d) && docMdp > 0 ? Change.Kind.NEW_SIGNATURE_FIELD
                                : Change.Kind.SIGNATURE;
                        add(k, mdpAllows(k), where + " /Annots");
                    } else {
                        annotation(d, where + " /Annots");
                    }
                } else {
                    annotation(obj, where + " /Annots");
                }
            }
        }
        for (COSBase b : before) {
            if (!containsRef(after, b)) {
                add(Change.Kind.OTHER, false, where + " /Annots (annotation removed)");
            }
        }
    }

    private void annotation(COSBase now, String where) {
        String subtype = now instanceof COSDictionary d && d.getCOSName(COSName.SUBTYPE) != null
                ? d.getCOSName(COSName.SUBTYPE).getName() : "";
        boolean allowed = mdpAllows(Change.Kind.ANNOTATION)
                && (docMdp == 0 || HARMLESS_ANNOTATIONS.contains(subtype) || subtype.isEmpty());
        add(Change.Kind.ANNOTATION, allowed, where + (subtype.isEmpty() ? "" : " /" + subtype));
    }

    private boolean mdpAllows(Change.Kind kind) {
        return switch (kind) {
            case DSS, DOCUMENT_TIMESTAMP, EXTENSION, METADATA -> true;
            case SIGNATURE, FORM_FILL -> docMdp == 0 || docMdp >= 2;
            case NEW_SIGNATURE_FIELD, ANNOTATION -> docMdp == 0 || docMdp == 3;
            default -> false;
        };
    }

    private void add(Change.Kind kind, boolean allowed, String where) {
        if (step != null && allowed) {
            return;
        }
        String w = step == null ? where : step + ": " + where;
        if (reported.add(kind + "|" + allowed + "|" + w) && check.changes.size() < MAX_CHANGES) {
            check.changes.add(new Change(kind, allowed, w));
        }
    }

    /** DocMDP /P of a certification signature present in the signed revision (0 = not certified). */
    static int docMdpLevel(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        if (perms == null || !(perms.getDictionaryObject(COSName.DOCMDP) instanceof COSDictionary sig)) {
            return 0;
        }
        int p = 2;
        if (sig.getDictionaryObject(COSName.getPDFName("Reference")) instanceof COSArray refs) {
            for (int i = 0; i < refs.size(); i++) {
                if (refs.getObject(i) instanceof COSDictionary ref
                        && COSName.DOCMDP.equals(ref.getCOSName(COSName.getPDFName("TransformMethod")))
                        && ref.getDictionaryObject(COSName.getPDFName("TransformParams")) instanceof COSDictionary tp) {
                    p = tp.getInt(COSName.P, 2);
                }
            }
        }
        return p < 1 || p > 3 ? 1 : p;
    }

    /**
     * Fields locked by this signature's FieldMDP (signature /Reference or the field's /Lock): names, or "*" for all.
     */
    private static Set<String> lockedFields(PDDocument signed, PdfVerifier.Found found) {
        Set<String> locked = new HashSet<>();
        List<COSDictionary> params = new ArrayList<>();
        if (found.sigDict().getDictionaryObject(COSName.getPDFName("Reference")) instanceof COSArray refs) {
            for (int i = 0; i < refs.size(); i++) {
                if (refs.getObject(i) instanceof COSDictionary ref
                        && COSName.getPDFName("FieldMDP").equals(ref.getCOSName(COSName.getPDFName("TransformMethod")))
                        && ref.getDictionaryObject(COSName.getPDFName("TransformParams")) instanceof COSDictionary tp) {
                    params.add(tp);
                }
            }
        }
        // the field's /Lock dictionary has the same /Action and /Fields and applies once the field is signed
        if (found.field() != null && found.field().getDictionaryObject(COSName.getPDFName("Lock"))
                instanceof COSDictionary lock) {
            params.add(lock);
        }
        for (COSDictionary tp : params) {
            String action = tp.getCOSName(COSName.getPDFName("Action")) == null ? "All"
                    : tp.getCOSName(COSName.getPDFName("Action")).getName();
            List<String> names = new ArrayList<>();
            if (tp.getDictionaryObject(COSName.FIELDS) instanceof COSArray f) {
                for (int i = 0; i < f.size(); i++) {
                    if (f.getObject(i) instanceof COSString s) {
                        names.add(s.getString());
                    }
                }
            }
            switch (action) {
                case "Include" -> locked.addAll(names);
                case "Exclude" -> {
                    // every field except the listed ones
                    var form = signed.getDocumentCatalog().getAcroForm(null);
                    if (form != null) {
                        for (var field : form.getFieldTree()) {
                            if (!names.contains(field.getFullyQualifiedName())) {
                                locked.add(field.getFullyQualifiedName());
                            }
                        }
                    }
                }
                default -> locked.add("*");
            }
        }
        return locked;
    }

    private static String fieldName(COSDictionary d) {
        List<String> parts = new ArrayList<>();
        COSDictionary f = d;
        for (int i = 0; f != null && i < 64; i++) {
            String t = f.getString(COSName.T);
            if (t != null) {
                parts.add(0, t);
            }
            f = f.getCOSDictionary(COSName.PARENT);
        }
        return parts.isEmpty() ? null : String.join(".", parts);
    }

    private static boolean visible(COSDictionary widget) {
        if (!(widget.getDictionaryObject(COSName.RECT) instanceof COSArray r) || r.size() != 4) {
            return false;
        }
        float[] v = r.toFloatArray();
        return Math.abs(v[2] - v[0]) > 0 && Math.abs(v[3] - v[1]) > 0;
    }

    private static List<COSBase> elements(COSBase arr) {
        COSBase a = arr instanceof COSObject o ? o.getObject() : arr;
        List<COSBase> list = new ArrayList<>();
        if (a instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                list.add(array.get(i));
            }
        }
        return list;
    }

    private static boolean containsRef(List<COSBase> list, COSBase item) {
        COSObjectKey k = keyOf(item);
        for (COSBase b : list) {
            if (k != null ? k.equals(keyOf(b)) : equal(b, item, 0)) {
                return true;
            }
        }
        return false;
    }

    private static COSObjectKey keyOf(COSBase b) {
        return b instanceof COSObject o ? o.getKey() : null;
    }

    private static COSBase object(PDDocument doc, COSObjectKey key) {
        COSObject o = doc.getDocument().getObjectFromPool(key);
        return o == null ? null : o.getObject();
    }

    /** Keys whose values differ (references compared by object number, not followed). */
    private static Set<String> diffKeys(COSBase old, COSBase now) {
        Set<String> diff = new LinkedHashSet<>();
        if (!(old instanceof COSDictionary a) || !(now instanceof COSDictionary b)) {
            diff.add("(type)");
            return diff;
        }
        Set<COSName> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (COSName k : keys) {
            if (!equal(a.getItem(k), b.getItem(k), 0)) {
                diff.add(k.getName());
            }
        }
        if (old instanceof COSStream || now instanceof COSStream) {
            if (!equal(old, now, 0)) {
                diff.add("(stream data)");
            }
        }
        return diff;
    }

    static boolean equal(COSBase a, COSBase b, int depth) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || depth > 100) {
            return false;
        }
        if (a instanceof COSObject x || b instanceof COSObject) {
            return a instanceof COSObject x2 && b instanceof COSObject y && x2.getKey() != null
                    && x2.getKey().equals(y.getKey());
        }
        if (a instanceof COSStream x && b instanceof COSStream y) {
            return dictEqual(x, y, depth) && streamEqual(x, y);
        }
        if (a instanceof COSDictionary x && b instanceof COSDictionary y) {
            return !(a instanceof COSStream) && !(b instanceof COSStream) && dictEqual(x, y, depth);
        }
        if (a instanceof COSArray x && b instanceof COSArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString x && b instanceof COSString y) {
            return Arrays.equals(x.getBytes(), y.getBytes());
        }
        if (a instanceof COSInteger x && b instanceof COSInteger y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof COSFloat x && b instanceof COSFloat y) {
            return x.floatValue() == y.floatValue();
        }
        if (a instanceof COSName || a instanceof COSBoolean || a instanceof COSNull) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean dictEqual(COSDictionary x, COSDictionary y, int depth) {
        if (x.size() != y.size()) {
            return false;
        }
        for (Map.Entry<COSName, COSBase> e : x.entrySet()) {
            if (!equal(e.getValue(), y.getItem(e.getKey()), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean streamEqual(COSStream x, COSStream y) {
        if (x.getLength() != y.getLength() || x.getLength() > MAX_COMPARE_BYTES) {
            return false;
        }
        try (InputStream a = x.createRawInputStream(); InputStream b = y.createRawInputStream()) {
            byte[] ba = new byte[64 * 1024];
            byte[] bb = new byte[64 * 1024];
            while (true) {
                int na = a.readNBytes(ba, 0, ba.length);
                int nb = b.readNBytes(bb, 0, bb.length);
                if (na != nb || !Arrays.equals(ba, 0, na, bb, 0, nb)) {
                    return false;
                }
                if (na < ba.length) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
    }
}
