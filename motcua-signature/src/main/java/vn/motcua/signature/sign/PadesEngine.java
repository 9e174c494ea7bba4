package vn.motcua.signature.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import vn.motcua.signature.sign.SigningException.Reason;

/**
 * PAdES signing in two halves around the signature value: {@link #prepare} writes the incremental update with a zeroed
 * /Contents placeholder and computes the signed attributes; {@link #complete} wraps a signature value (or a complete
 * CMS from a token plugin) into CMS, adds the time-stamp, writes it into the placeholder and, for B-LT, adds /DSS.
 * A local key simply runs both halves in a row.
 */
final class PadesEngine {

    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");
    private static final COSName TRANSFORM_PARAMS = COSName.getPDFName("TransformParams");
    /** Headroom in /Contents for the CMS structure, attributes and a signature value up to RSA 8192. */
    private static final int CMS_OVERHEAD = 4096;
    /** Headroom for a time-stamp token with its TSA chain. */
    private static final int TIMESTAMP_SPACE = 16384;

    private PadesEngine() {
    }

    /** Everything needed to finish a prepared signature. */
    record Prepared(byte[] pdf, int[] byteRange, byte[] signedAttributes, SignatureAlgorithm algorithm,
            List<X509Certificate> chain, SignOptions options) {

        /** The digest of the signed attributes: what a hash-signing device signs. */
        byte[] hashToSign() {
            try {
                return MessageDigest.getInstance(algorithm.digest()).digest(signedAttributes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static byte[] sign(byte[] pdf, SigningKey key, SignOptions options) throws SigningException {
        Prepared p = prepare(pdf, key.chain(), options);
        return complete(p, key.sign(p.signedAttributes(), p.algorithm()));
    }

    static Prepared prepare(byte[] pdf, List<X509Certificate> chain, SignOptions options) throws SigningException {
        if (chain == null || chain.isEmpty()) {
            throw new SigningException(Reason.KEY_NOT_FOUND, "-");
        }
        X509Certificate signer = chain.get(0);
        SignatureAlgorithm algorithm = resolve(options.algorithm(), signer);
        Instant now = options.clock().instant();
        try {
            signer.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SigningException(Reason.CERTIFICATE_NOT_VALID, e, now, signer.getNotBefore().toInstant(),
                    signer.getNotAfter().toInstant());
        }
        try (PDDocument doc = load(pdf)) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new SigningException(Reason.EMPTY_PDF);
            }
            int existing = doc.getSignatureDictionaries().size();
            int docMdp = docMdpPermission(doc);
            if (docMdp == 1) {
                throw new SigningException(Reason.DOCUMENT_LOCKED);
            }
            PDSignatureField emptyField = emptySignatureField(doc, options.fieldName());
            // P=2 permits signing but not new annotations: a new visible field would count as a change
            if (docMdp == 2 && emptyField == null && options.appearance().kind() != Appearance.Kind.INVISIBLE) {
                throw new SigningException(Reason.CERTIFICATION_FORBIDS_VISIBLE);
            }
            if (options.certification() != null && existing > 0) {
                throw new SigningException(Reason.CERTIFICATION_NOT_FIRST, existing);
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            String name = commonName(signer.getSubjectX500Principal());
            signature.setName(name);
            signature.setReason(options.reason());
            signature.setLocation(options.location());
            signature.setContactInfo(options.contactInfo());
            Calendar signDate = new GregorianCalendar(TimeZone.getTimeZone(options.appearance().zone()));
            signDate.setTimeInMillis(now.toEpochMilli() / 1000 * 1000);
            signature.setSignDate(signDate);
            if (options.certification() != null) {
                certify(doc, signature, options.certification());
            }

            int reserve = CMS_OVERHEAD + (options.level().timestamped() ? TIMESTAMP_SPACE : 0);
            for (X509Certificate c : chain) {
                reserve += c.getEncoded().length;
            }
            Appearance appearance = options.appearance();
            try (SignatureOptions so = new SignatureOptions()) {
                so.setPreferredSignatureSize(reserve);
                if (appearance.kind() != Appearance.Kind.INVISIBLE) {
                    int pageIndex = appearance.page() - 1;
                    if (pageIndex < 0 || pageIndex >= pages) {
                        throw new SigningException(Reason.PAGE_OUT_OF_RANGE, appearance.page(), pages);
                    }
                    PDPage page = doc.getPage(pageIndex);
                    byte[] template = AppearanceRenderer.template(appearance, page.getCropBox(),
                            page.getRotation(), name, now);
                    so.setVisualSignature(new ByteArrayInputStream(template));
                    so.setPage(pageIndex);
                }
                if (emptyField != null) {
                    // PDFBox signs the field whose /V is this signature dictionary, keeping its page and /Rect
                    emptyField.getCOSObject().setItem(COSName.V, signature);
                }
                doc.addSignature(signature, so);
                PDSignatureField field = fieldOf(doc, signature);
                if (emptyField == null && options.fieldName() != null) {
                    field.setPartialName(options.fieldName());
                }
                // a widget kept apart from its field is not marked for the incremental update by PDFBox
                field.getWidgets().get(0).getCOSObject().setNeedToBeUpdated(true);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + reserve * 2 + 65536);
                ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                byte[] contentDigest = digest(external.getContent(), algorithm.digest());
                // an empty signature leaves the zero-filled placeholder: the prepared file, completed later
                external.setSignature(new byte[0]);
                int[] byteRange = signature.getByteRange();
                byte[] prepared = out.toByteArray();
                if (prepared[byteRange[1]] != '<' || prepared[byteRange[2] - 1] != '>') {
                    throw new IllegalStateException("unexpected /Contents placeholder position");
                }
                byte[] signedAttributes = CmsAssembler.signedAttributes(algorithm, contentDigest, signer);
                return new Prepared(prepared, byteRange, signedAttributes, algorithm, List.copyOf(chain), options);
            }
        } catch (IOException e) {
            throw new SigningException(Reason.IO_ERROR, e, e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new SigningException(Reason.IO_ERROR, e, e.getMessage());
        } catch (RuntimeException e) {
            // PDFBox meets a malformed structure (wrong object types, broken page tree) with unchecked exceptions
            throw new SigningException(Reason.NOT_A_PDF, e, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Finishes a prepared signature with a raw signature value (RSA, ECDSA as DER or as plain r||s) or a complete CMS
     * SignedData whose signed attributes are the prepared ones.
     */
    static byte[] complete(Prepared p, byte[] signatureOrCms) throws SigningException {
        byte[] value = signatureValue(p, signatureOrCms);
        verifyValue(p, value);
        ContentInfo cms = CmsAssembler.signedData(p.algorithm(), p.signedAttributes(), value, p.chain(), null);
        List<X509Certificate> tsaCerts = new ArrayList<>();
        SignOptions options = p.options();
        if (options.level().timestamped()) {
            TimeStampToken token = TimeStamper.stamp(options.tsaUrl(), value, p.algorithm().digest(),
                    options.networkTimeout());
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                try {
                    tsaCerts.add(new JcaX509CertificateConverter().getCertificate(h));
                } catch (GeneralSecurityException e) {
                    throw new SigningException(Reason.TIMESTAMP_FAILED, e, e.getMessage());
                }
            }
            ASN1Set unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure())));
            cms = CmsAssembler.signedData(p.algorithm(), p.signedAttributes(), value, p.chain(), unsigned);
        }
        byte[] der;
        try {
            der = cms.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] hex = HexFormat.of().withUpperCase().formatHex(der).getBytes(StandardCharsets.US_ASCII);
        int space = p.byteRange()[2] - p.byteRange()[1] - 2;
        if (hex.length > space) {
            throw new SigningException(Reason.SIGNATURE_TOO_LARGE, der.length, space / 2);
        }
        byte[] pdf = p.pdf().clone();
        System.arraycopy(hex, 0, pdf, p.byteRange()[1] + 1, hex.length);
        if (options.level() == SignatureLevel.B_LT) {
            RevocationCollector.Material material = new RevocationCollector(options.networkTimeout())
                    .collect(p.chain(), tsaCerts);
            try {
                pdf = DssWriter.append(pdf, material);
            } catch (IOException e) {
                throw new SigningException(Reason.IO_ERROR, e, e.getMessage());
            }
        }
        return pdf;
    }

    private static byte[] signatureValue(Prepared p, byte[] input) throws SigningException {
        if (input == null || input.length == 0) {
            throw new SigningException(Reason.SIGNATURE_MISMATCH, "empty");
        }
        CMSSignedData cms = parseCms(input);
        if (cms == null) {
            return "EC".equals(p.algorithm().keyAlgorithm()) ? ecdsaToDer(p, input) : input;
        }
        if (cms.getSignerInfos().size() != 1) {
            throw new SigningException(Reason.SIGNATURE_MISMATCH, "CMS must hold exactly one SignerInfo");
        }
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        try {
            if (!java.util.Arrays.equals(si.getEncodedSignedAttributes(), p.signedAttributes())) {
                throw new SigningException(Reason.SIGNATURE_MISMATCH, "signed attributes differ from the prepared ones");
            }
        } catch (IOException e) {
            throw new SigningException(Reason.SIGNATURE_MISMATCH, e, e.getMessage());
        }
        return si.getSignature();
    }

    private static CMSSignedData parseCms(byte[] input) {
        if (input[0] != 0x30) {
            return null;
        }
        try {
            ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(input));
            if (!ci.getContentType().equals(PKCSObjectIdentifiers.signedData)) {
                return null;
            }
            return new CMSSignedData(ci);
        } catch (Exception e) {
            // an ECDSA DER signature is also a SEQUENCE: not CMS, so a raw value
            return null;
        }
    }

    /** Remote-signing services often return ECDSA as plain r||s (IEEE P1363); CMS wants the DER SEQUENCE. */
    private static byte[] ecdsaToDer(Prepared p, byte[] input) {
        int fieldBytes = (((ECPublicKey) p.chain().get(0).getPublicKey()).getParams().getCurve().getField()
                .getFieldSize() + 7) / 8;
        if (input.length != 2 * fieldBytes || input[0] == 0x30 && isDerSequence(input)) {
            return input;
        }
        try {
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(input, 0, fieldBytes))));
            v.add(new ASN1Integer(new java.math.BigInteger(1,
                    java.util.Arrays.copyOfRange(input, fieldBytes, input.length))));
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDerSequence(byte[] input) {
        try {
            return ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(input)).size() == 2;
        } catch (Exception e) {
            return false;
        }
    }

    /** Refuses a value that does not verify over the prepared signed attributes with the signer's public key. */
    private static void verifyValue(Prepared p, byte[] value) throws SigningException {
        try {
            Signature s = Signature.getInstance(p.algorithm().jcaName());
            if (p.algorithm().pss()) {
                s.setParameter(p.algorithm().pssParameters());
            }
            s.initVerify(p.chain().get(0).getPublicKey());
            s.update(p.signedAttributes());
            if (!s.verify(value)) {
                throw new SigningException(Reason.SIGNATURE_MISMATCH, "signature does not verify");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(Reason.SIGNATURE_MISMATCH, e, e.getMessage());
        }
    }

    private static SignatureAlgorithm resolve(SignatureAlgorithm requested, X509Certificate signer)
            throws SigningException {
        String keyAlg = signer.getPublicKey().getAlgorithm();
        String normalized = "ECDSA".equals(keyAlg) ? "EC" : keyAlg;
        SignatureAlgorithm alg = requested == null ? SignatureAlgorithm.defaultFor(normalized) : requested;
        if (!alg.keyAlgorithm().equals(normalized)) {
            throw new SigningException(Reason.ALGORITHM_MISMATCH, alg, keyAlg);
        }
        return alg;
    }

    private static PDDocument load(byte[] pdf) throws SigningException {
        if (pdf == null || pdf.length < 8) {
            throw new SigningException(Reason.NOT_A_PDF, "empty");
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw new SigningException(Reason.ENCRYPTED_PDF, e);
        } catch (IOException e) {
            throw new SigningException(Reason.NOT_A_PDF, e, e.getMessage());
        }
        if (doc.isEncrypted()) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // refusing anyway
            }
            throw new SigningException(Reason.ENCRYPTED_PDF);
        }
        return doc;
    }

    private static byte[] digest(InputStream content, String algorithm) throws IOException {
        try (content) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buf = new byte[65536];
            int n;
            while ((n = content.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The unsigned signature field of that name, or null when the name is null or no field has it (a new field is made).
     */
    private static PDSignatureField emptySignatureField(PDDocument doc, String name) throws SigningException {
        if (name == null) {
            return null;
        }
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        PDField field = form == null ? null : form.getField(name);
        if (field == null) {
            return null;
        }
        if (!(field instanceof PDSignatureField sf)) {
            throw new SigningException(Reason.FIELD_NOT_A_SIGNATURE, name);
        }
        if (sf.getCOSObject().getDictionaryObject(COSName.V) != null) {
            throw new SigningException(Reason.FIELD_ALREADY_SIGNED, name);
        }
        if (sf.getWidgets().isEmpty()) {
            throw new SigningException(Reason.FIELD_NOT_A_SIGNATURE, name);
        }
        return sf;
    }

    private static PDSignatureField fieldOf(PDDocument doc, PDSignature signature) throws IOException {
        for (PDSignatureField f : doc.getSignatureFields()) {
            if (f.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                return f;
            }
        }
        throw new IllegalStateException("signature field not found after addSignature");
    }

    /** The /P of an existing certification signature, or 0 when the document is not certified. */
    private static int docMdpPermission(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        if (perms == null) {
            return 0;
        }
        COSDictionary sig = perms.getCOSDictionary(DOC_MDP);
        if (sig == null) {
            return 0;
        }
        COSArray refs = sig.getCOSArray(COSName.getPDFName("Reference"));
        if (refs == null) {
            return 0;
        }
        for (COSBase b : refs) {
            COSBase o = b instanceof org.apache.pdfbox.cos.COSObject obj ? obj.getObject() : b;
            if (o instanceof COSDictionary ref && DOC_MDP.equals(ref.getCOSName(COSName.getPDFName("TransformMethod")))) {
                COSDictionary params = ref.getCOSDictionary(TRANSFORM_PARAMS);
                // ISO 32000-1 table 254: /P defaults to 2
                return params == null ? 2 : params.getInt(COSName.P, 2);
            }
        }
        return 0;
    }

    /** Marks the signature as a certification signature: /Reference with DocMDP and /Perms /DocMDP in the catalog. */
    private static void certify(PDDocument doc, PDSignature signature, Certification certification) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, TRANSFORM_PARAMS);
        params.setInt(COSName.P, certification.permission());
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), DOC_MDP);
        reference.setItem(TRANSFORM_PARAMS, params);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
        COSDictionary perms = new COSDictionary();
        perms.setItem(DOC_MDP, signature);
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        catalog.setItem(COSName.PERMS, perms);
        catalog.setNeedToBeUpdated(true);
    }

    static String commonName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            return principal.getName();
        }
        return cn[0].getFirst().getValue() instanceof ASN1String s ? s.getString()
                : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
