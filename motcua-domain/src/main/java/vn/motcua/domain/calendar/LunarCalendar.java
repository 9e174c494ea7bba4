package vn.motcua.domain.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar, computed astronomically in UTC+7 as Hồ Ngọc Đức describes it: a month starts on
 * the local day of a new moon; month 11 is the month that contains the winter solstice; when 13 months separate two
 * months 11, the first one after month 11 that contains no major solar term (the sun's longitude does not cross a
 * multiple of 30°) is the leap month and repeats the number of the month before it. New moons and the sun's longitude
 * come from the classical series of Jean Meeus (accurate to minutes, ample for dates between 1800 and 2199, the range
 * accepted here). Computing in UTC+8 gives the Chinese calendar, which differs for Vietnam in some years
 * (Tết 1985, 2007, 2030).
 */
public final class LunarCalendar {

    static final double VIETNAM = 7.0;
    static final double CHINA = 8.0;

    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day of the new moon of 1900-01-01 13:52 UTC, lunation 0 of the series. */
    private static final double LUNATION_ZERO = 2415021.076998695;
    private static final long JULIAN_DAY_OF_EPOCH = 2440588; // 1970-01-01 at noon
    private static final double RAD = Math.PI / 180;
    private static final int MIN_YEAR = 1800;
    private static final int MAX_YEAR = 2199;

    private LunarCalendar() {
    }

    /** The solar date of a lunar date in Vietnam (UTC+7). */
    public static LocalDate solarDate(int lunarYear, int lunarMonth, int lunarDay, boolean leapMonth) {
        return solarDate(lunarYear, lunarMonth, lunarDay, leapMonth, VIETNAM);
    }

    /** The lunar date of a solar date in Vietnam (UTC+7). */
    public static LunarDate lunarDate(LocalDate solar) {
        return lunarDate(solar, VIETNAM);
    }

    static LocalDate solarDate(int lunarYear, int lunarMonth, int lunarDay, boolean leapMonth, double zoneHours) {
        if (lunarYear < MIN_YEAR || lunarYear > MAX_YEAR) {
            throw new CalendarDataException(CalendarDataException.Problem.YEAR_OUT_OF_RANGE, lunarYear, MIN_YEAR, MAX_YEAR);
        }
        if (lunarMonth >= 1 && lunarMonth <= 12 && lunarDay >= 1 && lunarDay <= 30) {
            // Months 11 and 12 of lunarYear open the span that starts at month 11 of lunarYear; 1..10 close the previous one.
            Span span = new Span(lunarMonth >= 11 ? lunarYear : lunarYear - 1, zoneHours);
            for (int i = 0; i < span.months(); i++) {
                if (span.year(i) == lunarYear && span.month(i) == lunarMonth && span.leap(i) == leapMonth
                        && lunarDay <= span.length(i)) {
                    return fromJulianDay(span.start(i) + lunarDay - 1);
                }
            }
        }
        throw new CalendarDataException(CalendarDataException.Problem.BAD_LUNAR_DATE,
                String.valueOf(lunarYear), lunarMonth, lunarDay, leapMonth ? 1 : 0);
    }

    static LunarDate lunarDate(LocalDate solar, double zoneHours) {
        int year = solar.getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new CalendarDataException(CalendarDataException.Problem.YEAR_OUT_OF_RANGE, year, MIN_YEAR, MAX_YEAR);
        }
        long day = toJulianDay(solar);
        Span span = new Span(day >= month11(year, zoneHours) ? year : year - 1, zoneHours);
        int i = span.months() - 1;
        while (span.start(i) > day) {
            i--;
        }
        return new LunarDate(span.year(i), span.month(i), (int) (day - span.start(i) + 1), span.leap(i));
    }

    /**
     * The lunar months from month 11 of {@code firstYear} up to (excluding) month 11 of the next year: 12 months, or 13
     * with a leap month.
     */
    private static final class Span {
        private final long[] starts;
        private final int[] years;
        private final int[] months;
        private final boolean[] leaps;

        Span(int firstYear, double zoneHours) {
            long first = month11(firstYear, zoneHours);
            long next = month11(firstYear + 1, zoneHours);
            int lunation = (int) Math.floor((first - LUNATION_ZERO) / SYNODIC_MONTH + 0.5);
            int count = next - first > 365 ? 13 : 12;
            starts = new long[count + 1];
            for (int i = 0; i < count; i++) {
                starts[i] = newMoonDay(lunation + i, zoneHours);
            }
            starts[count] = next;
            int leapIndex = -1;
            if (count == 13) {
                // Month 11 holds the solstice, so the search starts with the month after it.
                for (int i = 1; i < count && leapIndex < 0; i++) {
                    if (solarTermSector(starts[i], zoneHours) == solarTermSector(starts[i + 1], zoneHours)) {
                        leapIndex = i;
                    }
                }
            }
            years = new int[count];
            months = new int[count];
            leaps = new boolean[count];
            int year = firstYear;
            int month = 11;
            for (int i = 0; i < count; i++) {
                if (i > 0 && i != leapIndex) {
                    month++;
                    if (month == 13) {
                        month = 1;
                        year++;
                    }
                }
                years[i] = year;
                months[i] = month;
                leaps[i] = i == leapIndex;
            }
        }

        int months() {
            return months.length;
        }

        long start(int i) {
            return starts[i];
        }

        int length(int i) {
            return (int) (starts[i + 1] - starts[i]);
        }

        int year(int i) {
            return years[i];
        }

        int month(int i) {
            return months[i];
        }

        boolean leap(int i) {
            return leaps[i];
        }
    }

    /** The Julian day number of the first day of the lunar month that contains the winter solstice of {@code year}. */
    private static long month11(int year, double zoneHours) {
        long dec31 = toJulianDay(LocalDate.of(year, 12, 31));
        int lunation = (int) Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
        long newMoon = newMoonDay(lunation, zoneHours);
        // A new moon at or after the solstice (sun past 270°) means the solstice's month started one lunation earlier.
        return solarTermSector(newMoon, zoneHours) >= 9 ? newMoonDay(lunation - 1, zoneHours) : newMoon;
    }

    /** The local day (Julian day number) of new moon number {@code k} counted from January 1900. */
    private static long newMoonDay(int k, double zoneHours) {
        return (long) Math.floor(newMoon(k) + 0.5 + zoneHours / 24);
    }

    /** The sun's longitude at the local midnight that starts the given day, as a 30° sector 0..11. */
    private static int solarTermSector(long julianDay, double zoneHours) {
        return (int) Math.floor(sunLongitude(julianDay - 0.5 - zoneHours / 24) / (Math.PI / 6));
    }

    /** Julian date (UT) of the k-th mean new moon after 1900-01-01 corrected by the periodic terms (Meeus). */
    private static double newMoon(int k) {
        double t = k / 1236.85; // Julian centuries since 1900
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933 + SYNODIC_MONTH * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
        double sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
        double moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
        double latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
        double correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly)
                + 0.0021 * Math.sin(2 * sunAnomaly)
                - 0.4068 * Math.sin(moonAnomaly)
                + 0.0161 * Math.sin(2 * moonAnomaly)
                - 0.0004 * Math.sin(3 * moonAnomaly)
                + 0.0104 * Math.sin(2 * latitude)
                - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
                - 0.0074 * Math.sin(sunAnomaly - moonAnomaly)
                + 0.0004 * Math.sin(2 * latitude + sunAnomaly)
                - 0.0004 * Math.sin(2 * latitude - sunAnomaly)
                - 0.0006 * Math.sin(2 * latitude + moonAnomaly)
                + 0.0010 * Math.sin(2 * latitude - moonAnomaly)
                + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
        // Terrestrial time to universal time.
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /** The sun's apparent longitude in radians, 0 ≤ L < 2π, at the given Julian date (UT). */
    private static double sunLongitude(double julianDate) {
        double t = (julianDate - 2451545.0) / 36525; // Julian centuries since J2000
        double t2 = t * t;
        double anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly)
                + 0.000290 * Math.sin(3 * anomaly);
        double longitude = (meanLongitude + centre) * RAD;
        longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
        return longitude;
    }

    private static long toJulianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH;
    }

    private static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
    }
}
