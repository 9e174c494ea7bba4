package vn.motcua.server.reception;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartCompliance;
import org.eclipse.jetty.io.Content;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.dossier.DeskException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads a reception form ({@link ReceptionForm}) for the two reception endpoints. A form posted with its CSRF token in the
 * {@code X-XSRF-TOKEN} header (the API, and the reception page's script) is read as it streams in: each file goes
 * straight from the request into the content store, hashed on the way, with no copy held in memory and no temporary file
 * of the servlet container (the container's multipart parser, a byte-by-byte boundary search, was the largest item of a
 * reception's CPU). Jetty's multipart parser finds the boundaries. Any other multipart request (a form posted without
 * script, tests) comes already parsed by Spring and is read from its parts; both give the same form and the same errors.
 */
@Component
class ReceptionForms implements HandlerMethodArgumentResolver {

    /** The reception endpoints whose multipart bodies are streamed (paths within the application). */
    private static final Set<String> STREAMED = Set.of("/api/dossiers", "/reception");
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final String FILE_PREFIX = "file.";
    private static final int MAX_FILES = 50;
    private static final int MAX_PARTS = 200;
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final DocumentService documents;
    private final ReceptionAdmission admission;
    private final long maxRequestBytes;

    ReceptionForms(DocumentService documents, ReceptionAdmission admission,
                   @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxRequest) {
        this.documents = documents;
        this.admission = admission;
        this.maxRequestBytes = maxRequest.toBytes();
    }

    /** Whether this request's body is left unparsed for {@link #stream}; the multipart resolver asks. */
    static boolean streamed(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && request.getHeader(CSRF_HEADER) != null
                && STREAMED.contains(PATHS.getPathWithinApplication(request));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReceptionForm.class;
    }

    @Override
    public ReceptionForm resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                         WebDataBinderFactory binders) throws IOException {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = web.getNativeResponse(HttpServletResponse.class);
        MultipartHttpServletRequest parsed = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (parsed != null) {
            admission.enter(response);
            return fromParts(parsed);
        }
        if (!streamed(request)) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.request.invalid");
        }
        String boundary = MultiPart.extractBoundary(request.getContentType());
        if (boundary == null || boundary.isEmpty()) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.upload.malformed");
        }
        ReceptionAdmission.Turn turn = admission.enter(response);
        ReceptionForm form = stream(request.getInputStream(), boundary, turn::afterRead);
        turn.resume();
        return form;
    }

    /**
     * Parses a multipart body as it is read; files go to the content store part by part. {@code afterRead} learns how
     * long each read waited for the client.
     */
    ReceptionForm stream(InputStream body, String boundary, LongConsumer afterRead) throws IOException {
        Parts parts = new Parts();
        MultiPart.Parser parser = new MultiPart.Parser(boundary, MultiPartCompliance.RFC7578, parts);
        parser.setMaxParts(MAX_PARTS);
        try {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; parts.failure == null && (n = read(body, buffer, afterRead)) != -1; ) {
                total += n;
                if (total > maxRequestBytes) {
                    throw new DeskException(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge");
                }
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
            }
            if (parts.failure == null) {
                parser.parse(Content.Chunk.from(ByteBuffer.allocate(0), true));
            }
            if (parts.failure != null || !parts.complete) {
                throw new DeskException(HttpStatus.BAD_REQUEST, "error.upload.malformed");
            }
            return new ReceptionForm(parts.fields, parts.uploads, parts.refused);
        } finally {
            parts.abandon();
        }
    }

    private static int read(InputStream body, byte[] buffer, LongConsumer afterRead) throws IOException {
        long t0 = System.nanoTime();
        int n = body.read(buffer);
        afterRead.accept(System.nanoTime() - t0);
        return n;
    }

    /** The listener of Jetty's parser: collects fields, streams files, and notes the first refusal instead of throwing. */
    private final class Parts extends MultiPart.AbstractPartsListener {
        final Map<String, List<String>> fields = new LinkedHashMap<>();
        final List<DocumentService.Upload> uploads = new ArrayList<>();
        DeskException refused;
        Throwable failure;
        boolean complete;
        private int files;
        private String fieldName;
        private ByteArrayOutputStream field;
        private String component;
        private String fileName;
        private DocumentService.IncomingUpload file;

        @Override
        public void onPartHeaders() {
            String name = getName();
            if (name != null && name.startsWith(FILE_PREFIX) && getFileName() != null) {
                component = name.substring(FILE_PREFIX.length());
                fileName = getFileName();
            } else if (name != null) {
                fieldName = name;
                field = new ByteArrayOutputStream();
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            ByteBuffer bytes = chunk.getByteBuffer();
            if (field != null) {
                if (field.size() + bytes.remaining() > MAX_FIELD_BYTES) {
                    refuse(new DeskException(HttpStatus.BAD_REQUEST, "error.request.invalid"));
                    field = null;
                    fieldName = null;
                    return;
                }
                byte[] b = new byte[bytes.remaining()];
                bytes.get(b);
                field.writeBytes(b);
            } else if (component != null && refused == null && bytes.hasRemaining()) {
                try {
                    if (file == null) {
                        if (++files > MAX_FILES) {
                            throw new DeskException(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooMany");
                        }
                        file = documents.receiveAtReception(component, fileName);
                    }
                    file.write(bytes);
                } catch (DeskException e) {
                    refuse(e);
                }
            }
            // Otherwise: a part without a name, or the rest of a request whose file was refused — read and dropped.
        }

        @Override
        public void onPartEnd() {
            try {
                if (field != null) {
                    fields.computeIfAbsent(fieldName, k -> new ArrayList<>())
                            .add(field.toString(StandardCharsets.UTF_8));
                } else if (component != null && refused == null) {
                    if (file != null) {
                        uploads.add(file.finish());
                    } else if (!fileName.isEmpty()) {
                        // A named file with no bytes; an unnamed empty one is a file input left empty, skipped.
                        throw new DeskException(HttpStatus.BAD_REQUEST, "error.upload.empty", fileName);
                    }
                }
            } catch (DeskException e) {
                refuse(e);
            } finally {
                closeFile();
                field = null;
                fieldName = null;
                component = null;
                fileName = null;
                super.onPartEnd();
            }
        }

        @Override
        public void onPart(String name, String fileName, org.eclipse.jetty.http.HttpFields headers) {
            // Each part was handled as it streamed (onPartHeaders, onPartContent, onPartEnd).
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable failure) {
            this.failure = failure;
        }

        private void refuse(DeskException e) {
            if (refused == null) {
                refused = e;
            }
            closeFile();
        }

        private void closeFile() {
            if (file != null) {
                file.close();
                file = null;
            }
        }

        void abandon() {
            closeFile();
        }
    }

    /** The same form from a request Spring has already parsed into parts. */
    ReceptionForm fromParts(MultipartHttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, List.of(values)));
        List<DocumentService.Upload> uploads = new ArrayList<>();
        DeskException refused = null;
        int files = 0;
        try {
            for (var part : request.getMultiFileMap().entrySet()) {
                if (!part.getKey().startsWith(FILE_PREFIX)) {
                    continue;
                }
                for (MultipartFile f : part.getValue()) {
                    String name = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
                    if (f.isEmpty() && name.isEmpty()) {
                        continue; // an empty file input of the HTML form
                    }
                    if (++files > MAX_FILES) {
                        throw new DeskException(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooMany");
                    }
                    uploads.add(copy(part.getKey().substring(FILE_PREFIX.length()), name, f));
                }
            }
        } catch (DeskException e) {
            refused = e;
        }
        return new ReceptionForm(fields, uploads, refused);
    }

    private DocumentService.Upload copy(String component, String name, MultipartFile f) {
        try (DocumentService.IncomingUpload file = documents.receiveAtReception(component, name);
             InputStream in = f.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                file.write(ByteBuffer.wrap(buffer, 0, n));
            }
            return file.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
