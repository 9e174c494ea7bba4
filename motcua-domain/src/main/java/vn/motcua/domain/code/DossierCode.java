package vn.motcua.domain.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.InvalidCodeException;
import vn.motcua.domain.office.AgencyCode;

/**
 * Dossier code (mã hồ sơ, Circular 01/2018/TT-VPCP art. 19): {@code <agency code>-<YYMMDD of reception>-<NNNN>}, e.g.
 * {@code 000.00.13.H12-250115-0001}; NNNN is the day's sequence number of that agency, 0001 to 9999.
 */
public record DossierCode(AgencyCode agency, LocalDate receptionDate, int sequence) implements Comparable<DossierCode> {

    public static final int MAX_SEQUENCE = 9999;

    private static final Pattern FORMAT = Pattern.compile("(.+)-(\\d{6})-(\\d{4})");

    public DossierCode {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(receptionDate, "receptionDate");
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new InvalidCodeException("code.dossier.sequence", sequence);
        }
        if (receptionDate.getYear() < 2000 || receptionDate.getYear() > 2099) {
            throw new InvalidCodeException("code.dossier.year", receptionDate);
        }
    }

    /** Parses a code typed by a citizen or an officer (surrounding spaces ignored). */
    public static DossierCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException("code.dossier.empty");
        }
        String value = text.strip();
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw new InvalidCodeException("code.dossier.format", value);
        }
        AgencyCode agency;
        try {
            agency = AgencyCode.parse(m.group(1));
        } catch (DomainException e) {
            throw new InvalidCodeException("code.dossier.agency", value);
        }
        String d = m.group(2);
        LocalDate date;
        try {
            date = LocalDate.of(2000 + Integer.parseInt(d.substring(0, 2)), Integer.parseInt(d.substring(2, 4)),
                    Integer.parseInt(d.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new InvalidCodeException("code.dossier.date", value);
        }
        int sequence = Integer.parseInt(m.group(3));
        if (sequence == 0) {
            throw new InvalidCodeException("code.dossier.sequence", 0);
        }
        return new DossierCode(agency, date, sequence);
    }

    /** The n-th result document of this dossier. */
    public ResultCode result(int n) {
        return new ResultCode(this, n);
    }

    public String value() {
        // Written out by hand: a reception asks for its code several times, and String.format cost more than the rest of
        // the domain's work for it.
        StringBuilder s = new StringBuilder(agency.value().length() + 12).append(agency.value()).append('-');
        zeroPadded(s, receptionDate.getYear() % 100, 2);
        zeroPadded(s, receptionDate.getMonthValue(), 2);
        zeroPadded(s, receptionDate.getDayOfMonth(), 2);
        return zeroPadded(s.append('-'), sequence, 4).toString();
    }

    private static StringBuilder zeroPadded(StringBuilder s, int n, int width) {
        String digits = Integer.toString(n);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits);
    }

    /** Codes of one agency sort by date then sequence: the order of reception. */
    @Override
    public int compareTo(DossierCode o) {
        int c = agency.compareTo(o.agency);
        if (c == 0) {
            c = receptionDate.compareTo(o.receptionDate);
        }
        return c != 0 ? c : Integer.compare(sequence, o.sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
