package vn.motcua.domain;

import java.util.List;
import java.util.Locale;

/** A shipped or administrator-edited data file (offices, procedures) is wrong; the message names the file and line. */
public final class DataFileException extends DomainException {

    private final String source;
    private final int line;
    private final String detailKey;
    private final List<Object> detailArgs;

    public DataFileException(String source, int line, String detailKey, Object... detailArgs) {
        super("data.error", source, String.valueOf(line), detailKey);
        this.source = source;
        this.line = line;
        this.detailKey = detailKey;
        this.detailArgs = List.of(detailArgs);
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** The key of what is wrong on the line, e.g. {@code data.office.unknownParent}. */
    public String detailKey() {
        return detailKey;
    }

    @Override
    public String message(Locale locale) {
        return DomainMessages.format(locale, "data.error", source, String.valueOf(line),
                DomainMessages.format(locale, detailKey, detailArgs.toArray()));
    }
}
