package vn.motcua.domain.office;

import java.util.Objects;
import vn.motcua.domain.InvalidCodeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agency identifier (mã định danh) of QCVN 102:2016/BTTTT: {@code V1V2V3.Z1Z2.Y1Y2.MX1X2}, e.g. {@code 000.00.00.H49}
 * (a provincial People's Committee: {@code H} + two digits) or {@code 000.00.13.H12} (level-2 unit 13 of province H12).
 * Read right to left: the level-1 unit {@code MX1X2}, then the level-2 ({@code Y1Y2}), level-3 ({@code Z1Z2}) and level-4
 * ({@code V1V2V3}) unit numbers, zero meaning "the unit above itself". Codes are re-issued after mergers, so an office
 * pairs its code with validity dates ({@link Office}).
 */
public record AgencyCode(String value) implements Comparable<AgencyCode> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{3})\\.(\\d{2})\\.(\\d{2})\\.([A-Z])(\\d{2})");

    public AgencyCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidCodeException("code.agency.format", value);
        }
    }

    /** Parses a code typed by a user or read from data; surrounding spaces are ignored, letters must be capitals. */
    public static AgencyCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException("code.agency.empty");
        }
        return new AgencyCode(text.strip());
    }

    /** The level-1 unit, e.g. {@code H49}. */
    public String level1Unit() {
        return value.substring(10);
    }

    /** True for the code of a provincial People's Committee itself ({@code 000.00.00.Hxx}). */
    public boolean isProvincialCommittee() {
        Matcher m = FORMAT.matcher(value);
        m.matches();
        return m.group(4).equals("H") && m.group(1).equals("000") && m.group(2).equals("00") && m.group(3).equals("00");
    }

    @Override
    public int compareTo(AgencyCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
