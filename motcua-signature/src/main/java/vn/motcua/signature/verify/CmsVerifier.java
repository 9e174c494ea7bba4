package vn.motcua.signature.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.DSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.jcajce.util.MessageDigestUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.util.Selector;

/**
 * Checks one CMS SignedData (a PDF /Contents, a .p7s, or a timestamp token): structure, message digest, signature value,
 * signing certificate reference. The signed content is streamed, never held in memory.
 */
final class CmsVerifier {
    static final Provider BC = new BouncyCastleProvider();
    static final ASN1ObjectIdentifier ADBE_REVOCATION = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");
    private static final ASN1ObjectIdentifier EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;
    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    /** Something that writes the signed (external) content to a stream, e.g. the PDF byte ranges. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What a CMS check found; errors go into {@code findings}. */
    static final class Outcome {
        final List<Finding> findings = new ArrayList<>();
        CMSSignedData signedData;
        SignerInformation signer;
        X509CertificateHolder signerCert;
        final List<X509CertificateHolder> certificates = new ArrayList<>();
        ASN1ObjectIdentifier eContentType;
        byte[] eContent;
        String digestAlgorithm;
        String signatureAlgorithm;
        Instant claimedSigningTime;
        /** True when structure, digest and signature value all verified. */
        boolean intact;

        boolean hasErrors() {
            return findings.stream().anyMatch(f -> !f.isWarning());
        }
    }

    private CmsVerifier() {
    }

    /**
     * @param encoded      the DER/BER CMS, possibly followed by zero padding (PDF /Contents)
     * @param external     the detached content, or null when the content must be encapsulated
     * @param extraCerts   certificates from elsewhere (PDF /DSS) to find the signer in
     * @param policy       how to treat signed attributes not in DER order
     */
    static Outcome verify(byte[] encoded, Content external, Collection<X509CertificateHolder> extraCerts,
                          VerificationOptions.Policy policy) {
        Outcome o = new Outcome();
        try {
            verifyInto(o, encoded, external, extraCerts, policy);
        } catch (IOException | RuntimeException e) {
            // a decoding failure is a failure, never "unknown, fine"
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.malformed", describe(e)));
            o.intact = false;
        }
        return o;
    }

    private static void verifyInto(Outcome o, byte[] encoded, Content external,
                                   Collection<X509CertificateHolder> extraCerts, VerificationOptions.Policy policy)
            throws IOException {
        ContentInfo contentInfo = parseSingleObject(encoded, o);
        if (contentInfo == null) {
            return;
        }
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.notSignedData"));
            return;
        }
        SignedData sd = SignedData.getInstance(contentInfo.getContent());
        try {
            o.signedData = new CMSSignedData(contentInfo);
        } catch (Exception e) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.malformed", describe(e)));
            return;
        }
        ASN1Set signerInfos = sd.getSignerInfos();
        if (signerInfos.size() != 1) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.signerInfoCount", signerInfos.size()));
            return;
        }
        SignerInfo si = SignerInfo.getInstance(signerInfos.getObjectAt(0));
        o.signer = o.signedData.getSignerInfos().getSigners().iterator().next();
        for (X509CertificateHolder h : o.signedData.getCertificates().getMatches(null)) {
            o.certificates.add(h);
        }
        o.eContentType = sd.getEncapContentInfo().getContentType();
        ASN1Encodable eContent = sd.getEncapContentInfo().getContent();
        if (eContent != null) {
            o.eContent = ASN1OctetString.getInstance(eContent).getOctets();
        }
        if (external != null && o.eContent != null) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.detachedWithContent"));
            return;
        }
        if (external == null && o.eContent == null) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.noContent"));
            return;
        }

        AlgorithmIdentifier digestAlg = si.getDigestAlgorithm();
        o.digestAlgorithm = digestName(digestAlg.getAlgorithm());
        o.signerCert = findSignerCert(o.signer.getSID(), o.certificates, extraCerts);

        AlgorithmIdentifier sigAlg = signatureAlgorithm(si.getDigestEncryptionAlgorithm(), digestAlg, o);
        if (sigAlg == null) {
            return;
        }
        o.signatureAlgorithm = NAMES.getAlgorithmName(sigAlg);

        ASN1Set signedAttrs = si.getAuthenticatedAttributes();
        ContentVerifier verifier = null;
        if (o.signerCert == null) {
            o.findings.add(Finding.error(SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "cms.noSignerCertificate"));
        } else {
            try {
                verifier = new JcaContentVerifierProviderBuilder().setProvider(BC).build(o.signerCert).get(sigAlg);
            } catch (Exception e) {
                o.findings.add(Finding.error(SubIndication.SIG_CRYPTO_FAILURE, "cms.unsupportedAlgorithm",
                        o.signatureAlgorithm, describe(e)));
                return;
            }
            weakKeyWarning(o);
        }

        if (signedAttrs == null) {
            // the signature is computed over the content itself
            if (verifier == null) {
                return;
            }
            try (OutputStream vos = verifier.getOutputStream()) {
                writeContent(o, external, vos);
            }
            checkSignatureValue(o, verifier, si);
            return;
        }

        AttributeTable table = new AttributeTable(signedAttrs);
        byte[] computed = digest(digestAlg, o, external);
        if (computed == null) {
            return;
        }
        checkSignedAttributes(o, table, computed);
        checkSigningCertificateReference(o, table);

        ASN1Encodable[] elements = signedAttrs.toArray();
        byte[] asStored = new DLSet(elements).getEncoded(ASN1Encoding.DL);
        byte[] derOrder = new DERSet(elements).getEncoded(ASN1Encoding.DER);
        if (!Arrays.equals(asStored, derOrder)) {
            if (policy == VerificationOptions.Policy.STRICT) {
                o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.signedAttrsNotDer"));
                return;
            }
            o.findings.add(Finding.warning("cms.signedAttrsNotDerWarning"));
        }
        if (verifier != null && !o.hasErrors()) {
            try (OutputStream vos = verifier.getOutputStream()) {
                vos.write(asStored);
            }
            checkSignatureValue(o, verifier, si);
        }
    }

    private static ContentInfo parseSingleObject(byte[] encoded, Outcome o) throws IOException {
        ByteArrayInputStream bin = new ByteArrayInputStream(encoded);
        ASN1Primitive obj;
        try (ASN1InputStream in = new ASN1InputStream(bin, encoded.length)) {
            obj = in.readObject();
        }
        if (obj == null) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.empty"));
            return null;
        }
        // only zero padding may follow the one CMS object (PDF /Contents is reserved larger than needed)
        int rest;
        while ((rest = bin.read()) >= 0) {
            if (rest != 0) {
                o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.trailingData"));
                return null;
            }
        }
        return ContentInfo.getInstance(obj);
    }

    private static void writeContent(Outcome o, Content external, OutputStream out) throws IOException {
        if (external != null) {
            external.writeTo(out);
        } else {
            out.write(o.eContent);
        }
    }

    private static byte[] digest(AlgorithmIdentifier alg, Outcome o, Content external) throws IOException {
        MessageDigest md = messageDigest(alg.getAlgorithm());
        if (md == null) {
            o.findings.add(Finding.error(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "cms.unsupportedDigest",
                    alg.getAlgorithm().getId()));
            return null;
        }
        writeContent(o, external, new java.security.DigestOutputStream(OutputStream.nullOutputStream(), md));
        return md.digest();
    }

    /** A JDK digest when it has one (hardware-accelerated SHA-2), else BouncyCastle's. */
    static MessageDigest messageDigest(ASN1ObjectIdentifier oid) {
        // RFC 8419: Ed448 signs with SHAKE256 of 512 bits output
        String name = NISTObjectIdentifiers.id_shake256_len.equals(oid) || NISTObjectIdentifiers.id_shake256.equals(oid)
                ? "SHAKE256-512" : MessageDigestUtils.getDigestName(oid);
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            try {
                return MessageDigest.getInstance(name, BC);
            } catch (NoSuchAlgorithmException e2) {
                return null;
            }
        }
    }

    static String digestName(ASN1ObjectIdentifier oid) {
        return NISTObjectIdentifiers.id_shake256_len.equals(oid) ? "SHAKE256-512" : MessageDigestUtils.getDigestName(oid);
    }

    private static void checkSignedAttributes(Outcome o, AttributeTable table, byte[] computed) {
        Attribute ct = single(table, CMSAttributes.contentType, o);
        Attribute md = single(table, CMSAttributes.messageDigest, o);
        if (o.hasErrors()) {
            return;
        }
        if (md == null || md.getAttrValues().size() != 1) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.noMessageDigest"));
            return;
        }
        if (ct == null || !ASN1ObjectIdentifier.getInstance(ct.getAttrValues().getObjectAt(0)).equals(o.eContentType)) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.contentTypeMismatch"));
            return;
        }
        byte[] claimed = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
        if (!MessageDigest.isEqual(claimed, computed)) {
            o.findings.add(Finding.error(SubIndication.HASH_FAILURE, "cms.digestMismatch"));
            return;
        }
        Attribute st = table.get(CMSAttributes.signingTime);
        if (st != null) {
            try {
                o.claimedSigningTime = Time.getInstance(st.getAttrValues().getObjectAt(0)).getDate().toInstant();
            } catch (RuntimeException e) {
                o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.badSigningTime"));
            }
        }
    }

    private static Attribute single(AttributeTable table, ASN1ObjectIdentifier oid, Outcome o) {
        if (table.getAll(oid).size() > 1) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.duplicateAttribute", oid.getId()));
            return null;
        }
        return table.get(oid);
    }

    /** ESS signing-certificate (v1: SHA-1, v2: any hash) must point at the certificate that verifies the signature. */
    private static void checkSigningCertificateReference(Outcome o, AttributeTable table) throws IOException {
        if (o.signerCert == null) {
            return;
        }
        Attribute v2 = table.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        Attribute v1 = table.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        byte[] certDer = o.signerCert.getEncoded();
        if (v2 != null) {
            ESSCertIDv2[] ids = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts();
            if (ids.length == 0) {
                o.findings.add(Finding.error(SubIndication.SIG_CONSTRAINTS_FAILURE, "cms.signingCertMismatch"));
                return;
            }
            MessageDigest md = messageDigest(ids[0].getHashAlgorithm().getAlgorithm());
            if (md == null || !MessageDigest.isEqual(md.digest(certDer), ids[0].getCertHash())
                    || !issuerSerialMatches(ids[0].getIssuerSerial(), o.signerCert)) {
                o.findings.add(Finding.error(SubIndication.SIG_CONSTRAINTS_FAILURE, "cms.signingCertMismatch"));
            }
        } else if (v1 != null) {
            ESSCertID[] ids = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts();
            MessageDigest md = messageDigest(OIWObjectIdentifiers.idSHA1);
            if (ids.length == 0 || !MessageDigest.isEqual(md.digest(certDer), ids[0].getCertHash())
                    || !issuerSerialMatches(ids[0].getIssuerSerial(), o.signerCert)) {
                o.findings.add(Finding.error(SubIndication.SIG_CONSTRAINTS_FAILURE, "cms.signingCertMismatch"));
            }
            o.findings.add(Finding.warning("cms.signingCertV1"));
        }
    }

    private static boolean issuerSerialMatches(IssuerSerial is, X509CertificateHolder cert) {
        if (is == null) {
            return true;
        }
        if (!is.getSerial().getValue().equals(cert.getSerialNumber())) {
            return false;
        }
        for (GeneralName n : is.getIssuer().getNames()) {
            if (n.getTagNo() == GeneralName.directoryName
                    && org.bouncycastle.asn1.x500.X500Name.getInstance(n.getName()).equals(cert.getIssuer())) {
                return true;
            }
        }
        return false;
    }

    private static X509CertificateHolder findSignerCert(SignerId sid, Collection<X509CertificateHolder> cms,
                                                        Collection<X509CertificateHolder> extra) {
        Selector<X509CertificateHolder> sel = sid;
        for (X509CertificateHolder h : cms) {
            if (sel.match(h)) {
                return h;
            }
        }
        for (X509CertificateHolder h : extra) {
            if (sel.match(h)) {
                return h;
            }
        }
        return null;
    }

    /**
     * Combines SignerInfo's digest and signature algorithm into one algorithm identifier and rejects inconsistent pairs
     * (e.g. digest SHA-256 with sha3-256WithRSA, Ed448 without SHAKE256).
     */
    private static AlgorithmIdentifier signatureAlgorithm(AlgorithmIdentifier encAlg, AlgorithmIdentifier digestAlg,
                                                          Outcome o) {
        ASN1ObjectIdentifier enc = encAlg.getAlgorithm();
        ASN1ObjectIdentifier dig = digestAlg.getAlgorithm();
        String digestJca = MessageDigestUtils.getDigestName(dig).replace("-", "");
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(enc)) {
                return new DefaultSignatureAlgorithmIdentifierFinder().find(digestJca + "withRSA");
            }
            if (EC_PUBLIC_KEY.equals(enc)) {
                return new DefaultSignatureAlgorithmIdentifierFinder().find(digestJca + "withECDSA");
            }
        } catch (IllegalArgumentException e) {
            o.findings.add(Finding.error(SubIndication.SIG_CRYPTO_FAILURE, "cms.unsupportedAlgorithm",
                    digestJca + "/" + enc.getId(), describe(e)));
            return null;
        }
        ASN1ObjectIdentifier implied = null;
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(enc)) {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(encAlg.getParameters());
            implied = p.getHashAlgorithm().getAlgorithm();
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(enc)) {
            implied = NISTObjectIdentifiers.id_sha512;
        } else if (EdECObjectIdentifiers.id_Ed448.equals(enc)) {
            implied = NISTObjectIdentifiers.id_shake256_len;
            if (!dig.equals(NISTObjectIdentifiers.id_shake256_len) && !dig.equals(NISTObjectIdentifiers.id_shake256)) {
                implied = NISTObjectIdentifiers.id_shake256;
            }
        } else if (NAMES.hasAlgorithmName(enc)) {
            String name = NAMES.getAlgorithmName(enc).toUpperCase(java.util.Locale.ROOT);
            int w = name.indexOf("WITH");
            if (w > 0) {
                String d = name.substring(0, w).replace("-", "");
                if (!d.equals(digestJca.toUpperCase(java.util.Locale.ROOT))) {
                    o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.algorithmMismatch",
                            MessageDigestUtils.getDigestName(dig), name));
                    return null;
                }
            }
        }
        if (implied != null && !implied.equals(dig)) {
            o.findings.add(Finding.error(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "cms.algorithmMismatch",
                    MessageDigestUtils.getDigestName(dig), NAMES.getAlgorithmName(enc)));
            return null;
        }
        return encAlg;
    }

    private static void checkSignatureValue(Outcome o, ContentVerifier verifier, SignerInfo si) {
        byte[] sig = si.getEncryptedDigest().getOctets();
        boolean ok;
        try {
            ok = verifier.verify(sig);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            o.findings.add(Finding.error(SubIndication.SIG_CRYPTO_FAILURE, "cms.badSignature"));
            return;
        }
        o.intact = !o.hasErrors();
        if ("SHA-1".equals(o.digestAlgorithm) || o.signatureAlgorithm.toUpperCase(java.util.Locale.ROOT)
                .startsWith("SHA1")) {
            o.findings.add(Finding.warning("alg.weakDigest", "SHA-1"));
        }
    }

    private static void weakKeyWarning(Outcome o) {
        try {
            var key = new JcaX509CertificateConverter().setProvider(BC).getCertificate(o.signerCert).getPublicKey();
            int bits = key instanceof RSAPublicKey r ? r.getModulus().bitLength()
                    : key instanceof DSAPublicKey d ? d.getParams().getP().bitLength()
                    : key instanceof ECPublicKey e ? e.getParams().getOrder().bitLength() : Integer.MAX_VALUE;
            boolean weak = key instanceof ECPublicKey ? bits < 256 : bits < 2048;
            if (weak) {
                o.findings.add(Finding.warning("alg.weakKey", key.getAlgorithm(), bits));
            }
        } catch (Exception e) {
            o.findings.add(Finding.error(SubIndication.FORMAT_FAILURE, "cms.badCertificate", describe(e)));
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 160 ? m.substring(0, 160) : m));
    }

}
