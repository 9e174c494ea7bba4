package vn.motcua.signature.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.motcua.signature.sign.SigningException.Reason;

/**
 * The byte form of a prepared signature kept by a {@link PendingSignatureStore}: what {@link PadesEngine#complete}
 * reads, nothing more (the clock and the appearance only matter while preparing). Layout, version 1: "MCPS", version
 * byte, algorithm, level, TSA URL, network timeout, /ByteRange, signed attributes, chain, prepared PDF, then the
 * SHA-256 of everything before it, so that a truncated or altered blob is refused instead of producing a broken PDF.
 */
final class PendingStateCodec {

    private static final byte[] MAGIC = "MCPS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int DIGEST_LENGTH = 32;
    private static final int MAX_CHAIN = 32;
    private static final int MAX_DER = 1 << 20;

    private PendingStateCodec() {
    }

    static byte[] encode(PadesEngine.Prepared p) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(p.pdf().length + 16384);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeUTF(p.algorithm().name());
            SignOptions options = p.options();
            out.writeUTF(options.level().name());
            out.writeBoolean(options.tsaUrl() != null);
            if (options.tsaUrl() != null) {
                out.writeUTF(options.tsaUrl().toString());
            }
            out.writeLong(options.networkTimeout().toMillis());
            for (int i = 0; i < 4; i++) {
                out.writeInt(p.byteRange()[i]);
            }
            writeBytes(out, p.signedAttributes());
            out.writeInt(p.chain().size());
            for (X509Certificate c : p.chain()) {
                writeBytes(out, c.getEncoded());
            }
            writeBytes(out, p.pdf());
            out.flush();
            out.write(sha256(bytes.toByteArray(), bytes.size()));
            return bytes.toByteArray();
        } catch (IOException | CertificateException e) {
            // a ByteArrayOutputStream does not fail, and the chain was parsed certificates already
            throw new IllegalStateException(e);
        }
    }

    static PadesEngine.Prepared decode(byte[] state) throws SigningException {
        if (state == null || state.length < MAGIC.length + 1 + DIGEST_LENGTH) {
            throw corrupt("truncated");
        }
        if (!Arrays.equals(state, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw corrupt("not a pending signature");
        }
        int version = state[MAGIC.length] & 0xff;
        if (version != VERSION) {
            throw corrupt("unknown version " + version);
        }
        int body = state.length - DIGEST_LENGTH;
        if (!MessageDigest.isEqual(sha256(state, body), Arrays.copyOfRange(state, body, state.length))) {
            throw corrupt("checksum");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state, MAGIC.length + 1,
                    body - MAGIC.length - 1));
            SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(in.readUTF());
            SignatureLevel level = SignatureLevel.valueOf(in.readUTF());
            URI tsa = in.readBoolean() ? new URI(in.readUTF()) : null;
            long timeout = in.readLong();
            int[] byteRange = new int[4];
            for (int i = 0; i < 4; i++) {
                byteRange[i] = in.readInt();
            }
            byte[] signedAttributes = readBytes(in, MAX_DER);
            int chainSize = in.readInt();
            if (chainSize < 1 || chainSize > MAX_CHAIN) {
                throw corrupt("chain of " + chainSize);
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>(chainSize);
            for (int i = 0; i < chainSize; i++) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(readBytes(in, MAX_DER))));
            }
            byte[] pdf = readBytes(in, Integer.MAX_VALUE);
            if (in.available() != 0) {
                throw corrupt("trailing bytes");
            }
            checkByteRange(byteRange, pdf);
            if (timeout <= 0) {
                throw corrupt("timeout");
            }
            SignOptions options = SignOptions.builder().level(level).tsaUrl(tsa)
                    .networkTimeout(Duration.ofMillis(timeout)).build();
            return new PadesEngine.Prepared(pdf, byteRange, signedAttributes, algorithm, List.copyOf(chain), options);
        } catch (IOException | CertificateException | java.net.URISyntaxException | IllegalArgumentException
                 | ClassCastException e) {
            throw new SigningException(Reason.PENDING_STATE_CORRUPT, e, e.getClass().getSimpleName());
        }
    }

    /** The placeholder must lie inside the PDF where {@link PadesEngine#complete} writes the CMS. */
    private static void checkByteRange(int[] br, byte[] pdf) throws SigningException {
        if (br[0] != 0 || br[1] < 1 || br[2] <= br[1] + 1 || br[3] < 0 || (long) br[2] + br[3] != pdf.length
                || pdf[br[1]] != '<' || pdf[br[2] - 1] != '>') {
            throw corrupt("byte range");
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** A length-prefixed field, refused when its length exceeds what is left (no huge allocation for a bad length). */
    private static byte[] readBytes(DataInputStream in, int max) throws IOException, SigningException {
        int n = in.readInt();
        if (n < 0 || n > max || n > in.available()) {
            throw corrupt("field length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static SigningException corrupt(String detail) {
        return new SigningException(Reason.PENDING_STATE_CORRUPT, detail);
    }

    private static byte[] sha256(byte[] b, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
