package vn.motcua.signature.sign;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Builds the CMS SignedData of a PAdES signature by hand, so that the signed attributes are known before the signature
 * exists (two-step signing) and contain exactly what PAdES baseline allows: content-type, message-digest,
 * signing-certificate-v2 and CMS algorithm protection — no signing-time (PAdES puts the claimed time in /M).
 */
final class CmsAssembler {

    private CmsAssembler() {
    }

    static AlgorithmIdentifier digestAlgorithm(SignatureAlgorithm algorithm) {
        return new DefaultDigestAlgorithmIdentifierFinder().find(algorithm.digest());
    }

    static AlgorithmIdentifier signatureAlgorithm(SignatureAlgorithm algorithm) {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.bcName());
    }

    /** The DER SET of signed attributes: the exact bytes the signer signs. */
    static byte[] signedAttributes(SignatureAlgorithm algorithm, byte[] contentDigest, X509Certificate signer) {
        try {
            AlgorithmIdentifier digestAlg = digestAlgorithm(algorithm);
            byte[] certHash = MessageDigest.getInstance(algorithm.digest()).digest(signer.getEncoded());
            Certificate cert = Certificate.getInstance(signer.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(cert.getIssuer())),
                    cert.getSerialNumber().getValue());
            ESSCertIDv2 essCertId = new ESSCertIDv2(digestAlg, certHash, issuerSerial);
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
            v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
            v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId}))));
            v.add(new Attribute(CMSAttributes.cmsAlgorithmProtect, new DERSet(new CMSAlgorithmProtection(digestAlg,
                    CMSAlgorithmProtection.SIGNATURE, signatureAlgorithm(algorithm)))));
            return new DERSet(v).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encode signed attributes", e);
        }
    }

    /** Assembles the SignedData (detached, certificates included) around a signature value. */
    static ContentInfo signedData(SignatureAlgorithm algorithm, byte[] signedAttributes, byte[] signatureValue,
            List<X509Certificate> chain, ASN1Set unsignedAttributes) {
        try {
            Certificate signer = Certificate.getInstance(chain.get(0).getEncoded());
            ASN1Set signed = ASN1Set.getInstance(ASN1Primitive.fromByteArray(signedAttributes));
            SignerInfo info = new SignerInfo(
                    new SignerIdentifier(new IssuerAndSerialNumber(X500Name.getInstance(signer.getIssuer()),
                            signer.getSerialNumber().getValue())),
                    digestAlgorithm(algorithm), signed, signatureAlgorithm(algorithm),
                    new DEROctetString(signatureValue), unsignedAttributes);
            ASN1EncodableVector certs = new ASN1EncodableVector();
            for (X509Certificate c : chain) {
                certs.add(Certificate.getInstance(c.getEncoded()));
            }
            SignedData sd = new SignedData(new DERSet(digestAlgorithm(algorithm)),
                    new ContentInfo(CMSObjectIdentifiers.data, null), new DERSet(certs), null,
                    new DERSet(new ASN1Encodable[] {info}));
            return new ContentInfo(CMSObjectIdentifiers.signedData, sd);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encode SignedData", e);
        }
    }
}
