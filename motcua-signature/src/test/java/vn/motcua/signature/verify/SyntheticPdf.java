package vn.motcua.signature.verify;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.motcua.signature.testpki.Credential;

/**
 * Writes signed PDFs of any size straight to disk, streaming: one page whose content stream is {@code payload} bytes of
 * painting operators, and an adbe.pkcs7.detached signature computed over the file's byte ranges. Used for the 200 MB
 * hostile-input test and the benchmark, where building the file through an in-memory signer is not possible.
 */
final class SyntheticPdf {
    private SyntheticPdf() {
    }

    static Path write(Path file, long payload, Credential signer) throws IOException {
        // the CMS for this signer always has the same length: reserve exactly that, so /Contents has no zero padding
        // (EU DSS 6.4 on BouncyCastle 1.87 refuses padded signatures, and the benchmark runs it on these files)
        int contentsBytes = cms(signer, new CMSTypedDataBytes(new byte[1])).length;
        List<Long> offsets = new ArrayList<>();
        long[] pos = {0};
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    raw.write(b);
                    pos[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    pos[0] += len;
                }
            };
            text(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(pos[0]);
            text(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>\nendobj\n");
            offsets.add(pos[0]);
            text(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(pos[0]);
            text(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R "
                    + "/Annots [4 0 R] >>\nendobj\n");
            offsets.add(pos[0]);
            text(out, "4 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /F 132 "
                    + "/P 3 0 R /V 5 0 R >>\nendobj\n");
            offsets.add(pos[0]);
            text(out, "5 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
                    + "/ByteRange [0 0000000000 0000000000 0000000000] /Contents <");
            text(out, "0".repeat(contentsBytes * 2));
            text(out, "> /M (D:20260101000000Z) >>\nendobj\n");
            offsets.add(pos[0]);
            text(out, "6 0 obj\n<< /Length " + payload + " >>\nstream\n");
            byte[] line = "0 0 1 rg 10 10 5 5 re f\n".getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[line.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(line, 0, chunk, i * line.length, line.length);
            }
            long left = payload;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                if (n < chunk.length) {
                    java.util.Arrays.fill(chunk, n - Math.min(n, 1), n, (byte) '\n');
                    for (int i = 0; i < n - 1; i++) {
                        chunk[i] = ' ';
                    }
                }
                out.write(chunk, 0, n);
                left -= n;
            }
            text(out, "\nendstream\nendobj\n");
            long xref = pos[0];
            StringBuilder sb = new StringBuilder("xref\n0 7\n0000000000 65535 f \n");
            for (long o : offsets) {
                sb.append(String.format("%010d 00000 n \n", o));
            }
            sb.append("trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            text(out, sb.toString());
        }
        sign(file, signer, contentsBytes);
        return file;
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Fills in /ByteRange and /Contents (found by their placeholders near the start of the file). */
    private static void sign(Path file, Credential signer, int contentsBytes) throws IOException {
        long length = Files.size(file);
        String head;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            var buf = java.nio.ByteBuffer.allocate((int) Math.min(length, 64 * 1024));
            ch.read(buf, 0);
            head = new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
        }
        int brPos = head.indexOf("[0 0000000000");
        int gapStart = head.indexOf("/Contents <") + "/Contents ".length();
        long gapEnd = gapStart + contentsBytes * 2L + 2;
        String br = String.format("[0 %010d %010d %010d]", gapStart, gapEnd, length - gapEnd);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(brPos);
            raf.write(br.getBytes(StandardCharsets.US_ASCII));
        }
        long[] ranges = {0, gapStart, gapEnd, length - gapEnd};
        byte[] cms = cms(signer, new Ranges(file, ranges));
        if (cms.length > contentsBytes) {
            throw new IOException("CMS longer than reserved: " + cms.length);
        }
        String hex = HexFormat.of().formatHex(cms);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(gapStart + 1);
            raf.write(hex.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] cms(Credential signer, CMSTypedData content) throws IOException {
        try {
            var provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(provider).build()).build(new JcaContentSignerBuilder("SHA256withRSA")
                    .setProvider(provider).build(signer.key()), signer.certificate()));
            gen.addCertificates(new JcaCertStore(signer.chain()));
            return gen.generate(content, false).getEncoded();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private record CMSTypedDataBytes(byte[] data) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(data);
        }

        @Override
        public Object getContent() {
            return data;
        }
    }

    /** The signed content streamed from the file's byte ranges. */
    private record Ranges(Path file, long[] ranges) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException, CMSException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                PdfVerifier.copyRanges(ch, ranges, out);
            }
        }

        @Override
        public Object getContent() {
            return file;
        }
    }
}
