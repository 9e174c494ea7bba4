package vn.motcua.signature.verify;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The role of every indirect object reachable in the final revision, found by walking from the trailer: page content,
 * annotation, signature dictionary, /DSS and so on. An object reachable along several paths has several roles; a change to
 * it is allowed only if every role allows it (an appearance stream also used as page content is page content).
 */
final class PdfStructure {
    enum Role {
        TRAILER, CATALOG, PAGES, PAGE, ANNOTS, ANNOTATION, ANNOT_APPEARANCE, SIG_FIELD, FORM_FIELD, SIG_DICT,
        SIG_APPEARANCE, FORM_APPEARANCE, ACROFORM, NAMES, DSS, STRUCT, METADATA, INFO, EXTENSIONS, PERMS, CONTENT
    }

    private static final int MAX_NODES = 2_000_000;
    private static final int MAX_DEPTH = 200;

    final Map<COSObjectKey, Set<Role>> roles = new HashMap<>();
    /** For objects under a field's /AP or /V: the field (widget) objects that own them. */
    final Map<COSObjectKey, Set<COSObjectKey>> owners = new HashMap<>();
    final Map<COSObjectKey, String> where = new HashMap<>();
    boolean truncated;
    /** Objects listed in the cross-reference table that could not be parsed. */
    final Set<COSObjectKey> broken = new HashSet<>();

    private record Item(COSBase node, Role role, String path, int depth, COSObjectKey sigOwner) {
    }

    PdfStructure(PDDocument doc) {
        Map<COSObjectKey, Long> xref = doc.getDocument().getXrefTable();
        ArrayDeque<Item> work = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        work.push(new Item(doc.getDocument().getTrailer(), Role.TRAILER, "trailer", 0, null));
        int nodes = 0;
        while (!work.isEmpty()) {
            if (++nodes > MAX_NODES) {
                truncated = true;
                break;
            }
            Item it = work.pop();
            COSBase node = it.node();
            Role role = it.role();
            String path = it.path();
            COSObjectKey owner = it.sigOwner();
            if (node instanceof COSObject ref) {
                COSObjectKey key = ref.getKey();
                COSBase target = ref.getObject();
                if (key != null && (target == null || target instanceof org.apache.pdfbox.cos.COSNull)
                        && xref.containsKey(key)) {
                    // PDFBox logs and returns null when an object does not parse: for a verifier that is damage
                    broken.add(key);
                }
                if (key == null || target == null) {
                    continue;
                }
                if (target instanceof COSDictionary d) {
                    role = refine(role, d);
                    // destinations (/OpenAction, outlines, links) point at pages: the page tree gives pages their role
                    if (role != Role.PAGES && role != Role.PAGE && (COSName.PAGE.equals(d.getCOSName(COSName.TYPE))
                            || COSName.PAGES.equals(d.getCOSName(COSName.TYPE)))) {
                        continue;
                    }
                }
                if (role == Role.SIG_FIELD || role == Role.FORM_FIELD) {
                    owner = key;
                }
                if (!seen.add(key + "|" + role + "|" + owner)) {
                    continue;
                }
                roles.computeIfAbsent(key, k -> EnumSet.noneOf(Role.class)).add(role);
                where.putIfAbsent(key, key.getNumber() + " " + key.getGeneration() + " R (" + path + ")");
                if (owner != null && (role == Role.SIG_APPEARANCE || role == Role.SIG_DICT
                        || role == Role.FORM_APPEARANCE)) {
                    owners.computeIfAbsent(key, k -> new HashSet<>()).add(owner);
                }
                work.push(new Item(target, role, path, 0, owner));
                continue;
            }
            if (it.depth() > MAX_DEPTH) {
                truncated = true;
                continue;
            }
            if (node instanceof COSDictionary dict) {
                if (role == Role.ANNOTS || role == Role.PAGES && !(isPageTreeNode(dict))) {
                    role = refine(role, dict);
                }
                for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
                    Role child = childRole(role, dict, e.getKey());
                    if (child != null) {
                        work.push(new Item(e.getValue(), child, path + "/" + e.getKey().getName(), it.depth() + 1,
                                owner));
                    }
                }
            } else if (node instanceof COSArray arr) {
                for (int i = 0; i < arr.size(); i++) {
                    work.push(new Item(arr.get(i), role, path + "[" + i + "]", it.depth() + 1, owner));
                }
            }
        }
    }

    Set<Role> rolesOf(COSObjectKey key) {
        return roles.getOrDefault(key, Set.of());
    }

    private static boolean isPageTreeNode(COSDictionary d) {
        return COSName.PAGES.equals(d.getCOSName(COSName.TYPE));
    }

    /** Array elements and generic slots take their precise role from the object itself. */
    private static Role refine(Role role, COSDictionary d) {
        switch (role) {
            case PAGES -> {
                return isPageTreeNode(d) ? Role.PAGES : Role.PAGE;
            }
            case ANNOTS -> {
                if (COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE)) || d.containsKey(COSName.FT)) {
                    return isSignatureField(d) ? Role.SIG_FIELD : Role.FORM_FIELD;
                }
                return Role.ANNOTATION;
            }
            case SIG_FIELD, FORM_FIELD -> {
                return isSignatureField(d) ? Role.SIG_FIELD : Role.FORM_FIELD;
            }
            default -> {
                return role;
            }
        }
    }

    static boolean isSignatureField(COSDictionary d) {
        COSDictionary f = d;
        for (int i = 0; f != null && i < 64; i++) {
            COSName ft = f.getCOSName(COSName.FT);
            if (ft != null) {
                return COSName.SIG.equals(ft);
            }
            f = f.getCOSDictionary(COSName.PARENT);
        }
        return false;
    }

    /** The role of the value under {@code key} of a dictionary in role {@code parent}; null = not followed. */
    private static Role childRole(Role parent, COSDictionary dict, COSName key) {
        String k = key.getName();
        switch (parent) {
            case TRAILER -> {
                return switch (k) {
                    case "Root" -> Role.CATALOG;
                    case "Info" -> Role.INFO;
                    case "Encrypt" -> Role.CONTENT;
                    default -> null;
                };
            }
            case CATALOG -> {
                return switch (k) {
                    case "Pages" -> Role.PAGES;
                    case "AcroForm" -> Role.ACROFORM;
                    case "DSS" -> Role.DSS;
                    case "StructTreeRoot" -> Role.STRUCT;
                    case "Metadata" -> Role.METADATA;
                    case "Extensions" -> Role.EXTENSIONS;
                    case "Perms" -> Role.PERMS;
                    case "Names" -> Role.NAMES;
                    default -> Role.CONTENT;
                };
            }
            case PAGES -> {
                return switch (k) {
                    case "Kids" -> Role.PAGES;
                    case "Parent" -> null;
                    default -> Role.CONTENT;
                };
            }
            case PAGE -> {
                return switch (k) {
                    case "Annots" -> Role.ANNOTS;
                    case "Parent", "B" -> null;
                    default -> Role.CONTENT;
                };
            }
            case ANNOTATION -> {
                return switch (k) {
                    case "AP" -> Role.ANNOT_APPEARANCE;
                    case "P", "Parent", "IRT" -> null;
                    default -> Role.ANNOTATION;
                };
            }
            case SIG_FIELD -> {
                return switch (k) {
                    case "V", "Lock" -> Role.SIG_DICT;
                    case "AP" -> Role.SIG_APPEARANCE;
                    case "Kids" -> Role.SIG_FIELD;
                    case "Parent", "P" -> null;
                    default -> Role.SIG_FIELD;
                };
            }
            case FORM_FIELD -> {
                return switch (k) {
                    case "AP", "DR" -> Role.FORM_APPEARANCE;
                    case "Kids" -> Role.FORM_FIELD;
                    case "Parent", "P" -> null;
                    default -> Role.FORM_FIELD;
                };
            }
            case ACROFORM -> {
                return switch (k) {
                    case "Fields", "CO" -> Role.FORM_FIELD;
                    case "DR" -> Role.FORM_APPEARANCE;
                    default -> Role.ACROFORM;
                };
            }
            case SIG_DICT -> {
                // /Data of a DocMDP reference points back at the catalog; /Reference dicts are part of the signature
                return "Data".equals(k) ? null : Role.SIG_DICT;
            }
            case STRUCT -> {
                // struct elements point at pages and annotations, which have their own roles
                return switch (k) {
                    case "Pg", "Obj", "P", "Stm", "StmOwn" -> null;
                    default -> Role.STRUCT;
                };
            }
            case NAMES -> {
                // the /AP name tree holds annotation appearances; other name trees (JavaScript, files) are content
                return "AP".equals(k) ? Role.ANNOT_APPEARANCE : Role.CONTENT;
            }
            case PERMS -> {
                return "DocMDP".equals(k) || "UR3".equals(k) ? Role.SIG_DICT : Role.PERMS;
            }
            case ANNOTS -> {
                return Role.ANNOTATION;
            }
            default -> {
                return parent;
            }
        }
    }

}
