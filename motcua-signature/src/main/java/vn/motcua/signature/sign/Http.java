package vn.motcua.signature.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/** Minimal HTTP for TSA, OCSP and CRL requests: bounded time, bounded size. */
final class Http {

    /** No TSA reply, OCSP response or CRL we want to embed is larger than this. */
    private static final int MAX_RESPONSE = 20 * 1024 * 1024;

    private Http() {
    }

    static byte[] post(URI url, String contentType, byte[] body, Duration timeout) throws IOException {
        HttpURLConnection c = open(url, timeout);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return read(c);
    }

    static byte[] get(URI url, Duration timeout) throws IOException {
        return read(open(url, timeout));
    }

    private static HttpURLConnection open(URI url, Duration timeout) throws IOException {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IOException("unsupported URL scheme: " + url);
        }
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout((int) timeout.toMillis());
        c.setReadTimeout((int) timeout.toMillis());
        return c;
    }

    private static byte[] read(HttpURLConnection c) throws IOException {
        try {
            int status = c.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP " + status + " from " + c.getURL());
            }
            try (InputStream in = c.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (out.size() + n > MAX_RESPONSE) {
                        throw new IOException("response too large from " + c.getURL());
                    }
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            }
        } finally {
            c.disconnect();
        }
    }
}
