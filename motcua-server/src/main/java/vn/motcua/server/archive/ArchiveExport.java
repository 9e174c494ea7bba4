package vn.motcua.server.archive;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.web.Formats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes archive hits as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese correctly) or XLSX
 * (streamed, a window of rows in memory). Columns carry the masked ID number only: hits never hold the real one.
 */
@Component
public class ArchiveExport {

    static final List<String> COLUMNS = List.of("code", "procedure", "field", "applicant", "idNumber", "channel", "state",
            "office", "receivedAt", "dueAt", "resolvedAt", "verdict");

    private final MessageSource messages;
    private final LiveCatalogue catalogue;
    private final Formats formats;

    public ArchiveExport(MessageSource messages, LiveCatalogue catalogue, Formats formats) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.formats = formats;
    }

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** Writes the whole result of the query; returns the number of rows. */
    public int write(Format format, ArchiveSearch search, ArchiveQuery query, List<String> scope, Locale locale,
                     OutputStream out) throws IOException {
        List<String> header = COLUMNS.stream()
                .map(c -> messages.getMessage("archive.col." + c, null, c, locale)).toList();
        try {
            return switch (format) {
                case CSV -> csv(search, query, scope, locale, header, out);
                case XLSX -> xlsx(search, query, scope, locale, header, out);
            };
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private int csv(ArchiveSearch search, ArchiveQuery query, List<String> scope, Locale locale, List<String> header,
                    OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, header);
        int n = search.export(query, scope, locale, hit -> {
            try {
                line(w, cells(hit, locale));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
        return n;
    }

    private int xlsx(ArchiveSearch search, ArchiveQuery query, List<String> scope, Locale locale, List<String> header,
                     OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            // Sheet names may not hold "/" (the page title does).
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(
                    messages.getMessage("archive.title", null, "Archive", locale)));
            row(sheet, 0, header);
            int[] r = {1};
            int n = search.export(query, scope, locale, hit -> row(sheet, r[0]++, cells(hit, locale)));
            book.write(out);
            book.dispose();
            return n;
        }
    }

    private List<String> cells(ArchiveHit h, Locale locale) {
        List<String> c = new ArrayList<>();
        c.add(h.code());
        c.add(h.procedureName());
        c.add(h.field());
        c.add(h.applicantName());
        c.add(h.idNumberMasked());
        c.add(DomainMessages.format(locale, Channel.valueOf(h.channel()).labelKey()));
        c.add(DomainMessages.format(locale, DossierState.valueOf(h.state()).labelKey()));
        c.add(catalogue.offices().byId(h.receivingOffice()).map(o -> o.name(locale)).orElse(h.receivingOffice()));
        c.add(formats.time(h.receivedAt()));
        c.add(formats.time(h.dueAt()));
        c.add(formats.time(h.resolvedAt()));
        c.add(h.verdict() == null ? "" : DomainMessages.format(locale, Verdict.valueOf(h.verdict()).labelKey()));
        return c;
    }

    private static void row(Sheet sheet, int index, List<String> cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(csvCell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
