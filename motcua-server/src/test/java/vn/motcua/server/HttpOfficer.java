package vn.motcua.server;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A desk user over real HTTP, not MockMvc: signs in through the login form with its CSRF token, then sends requests with
 * the session cookie and the CSRF token in the {@code X-XSRF-TOKEN} header, as the API's clients and the page scripts do.
 */
public final class HttpOfficer {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public HttpOfficer(String base, String username, String password) throws Exception {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Matcher m = CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
                        + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        if (!"/".equals(URI.create(login.headers().firstValue("Location").orElse("x")).getPath())) {
            throw new IllegalStateException("login failed: " + login.headers().firstValue("Location"));
        }
        // The XSRF-TOKEN cookie that the header repeats is set by any page.
        HttpResponse<String> page = get("/reception");
        if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            // MockMvc's csrf() post-processor swaps the context's token repository for a session one for good:
            // real-HTTP clients need a server context in which no MockMvc test ran.
            throw new IllegalStateException("no XSRF-TOKEN cookie after login (GET /reception answered "
                    + page.statusCode() + ")");
        }
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart body with the CSRF header; {@code headers} are extra name, value pairs. */
    public HttpResponse<String> post(String path, Multipart body, String... headers) throws Exception {
        return post(path, body.contentType(), body.bytes(), headers);
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** The session's cookies as one {@code Cookie} header value. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** A multipart/form-data body written part by part. */
    public static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Multipart(String boundary) {
            this.boundary = boundary;
        }

        public Multipart field(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n",
                    value.getBytes(StandardCharsets.UTF_8));
        }

        public Multipart file(String name, String fileName, String contentType, byte[] content) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n", content);
        }

        private Multipart part(String headers, byte[] content) {
            out.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        /** The body with its closing delimiter. */
        public byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream(out.size() + boundary.length() + 8);
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        /** The body without its closing delimiter, as a client cut off mid-way would have sent it. */
        public byte[] unfinished() {
            return out.toByteArray();
        }
    }
}
