package vn.motcua.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The calendar's editable data: days off and worked days decided by the government (or a province) on top of the
 * statutory rules. Immutable. The text format, one entry a line, {@code #} starts a comment:
 * <pre>
 * official 2024                          # the schedule of 2024 is the government's: no computed compensation days
 * off 2024-02-08..2024-02-14 TET         # Tết days of 2024: replace the computed five days
 * off 2024-04-29 SWAPPED_OFF             # a kind, optionally followed by a message key (default holiday.swapped-off)
 * work 2024-05-04                        # a Saturday worked in exchange
 * off 2024-09-03 NATIONAL_DAY            # the day next to 2/9: replaces the computed one (3/9)
 * off 2025-11-24 EXTRA_DAY_OFF holiday.culture-day
 * </pre>
 * Dates are ISO ({@code yyyy-mm-dd}); a range {@code a..b} covers both ends (at most 366 days). Kinds are the
 * {@link Holiday.Kind} names, in any case. A date may appear only once in one file. How the entries combine with the
 * statutory rules is described in {@link WorkingCalendar}.
 */
public final class CalendarOverrides {

    /** The official schedules shipped with the product (classpath resource next to this class). */
    static final String SHIPPED_RESOURCE = "vietnam-official.txt";
    private static final int MAX_RANGE_DAYS = 366;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final CalendarOverrides NONE =
            new CalendarOverrides(Collections.emptyNavigableMap(), Collections.emptyNavigableSet(), Set.of());

    private final NavigableMap<LocalDate, Holiday> daysOff;
    private final NavigableSet<LocalDate> workingDays;
    private final Set<Integer> officialYears;

    private CalendarOverrides(NavigableMap<LocalDate, Holiday> daysOff, NavigableSet<LocalDate> workingDays,
            Set<Integer> officialYears) {
        this.daysOff = Collections.unmodifiableNavigableMap(daysOff);
        this.workingDays = Collections.unmodifiableNavigableSet(workingDays);
        this.officialYears = Set.copyOf(officialYears);
    }

    public static CalendarOverrides none() {
        return NONE;
    }

    /** The official schedules 2023–2026 shipped in {@code vn/motcua/domain/calendar/vietnam-official.txt}. */
    public static CalendarOverrides shipped() {
        try (InputStream in = CalendarOverrides.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED_RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the format described above.
     *
     * @throws CalendarDataException on the first wrong line, with its 1-based number
     * @throws IOException when the reader fails
     */
    public static CalendarOverrides parse(Reader reader) throws IOException {
        NavigableMap<LocalDate, Holiday> off = new TreeMap<>();
        NavigableSet<LocalDate> work = new TreeSet<>();
        Set<Integer> official = new TreeSet<>();
        Map<LocalDate, Integer> seenAt = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte-order mark left by some editors
            }
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = WHITESPACE.split(content);
            String directive = words[0].toLowerCase(Locale.ROOT);
            switch (directive) {
                case "official" -> {
                    requireWords(words, 2, 2, number);
                    official.add(year(words[1], number));
                }
                case "off" -> {
                    requireWords(words, 3, 4, number);
                    LocalDate[] range = range(words[1], number);
                    Holiday.Kind kind = kind(words[2], number);
                    String nameKey = words.length == 4 ? words[3] : kind.defaultNameKey();
                    for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
                        claim(seenAt, d, number);
                        off.put(d, new Holiday(d, kind, nameKey));
                    }
                }
                case "work" -> {
                    requireWords(words, 2, 2, number);
                    LocalDate[] range = range(words[1], number);
                    for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
                        claim(seenAt, d, number);
                        work.add(d);
                    }
                }
                default -> throw new CalendarDataException(number, CalendarDataException.Problem.UNKNOWN_DIRECTIVE,
                        words[0]);
            }
        }
        return new CalendarOverrides(off, work, official);
    }

    /** These overrides plus {@code more}; on a date both define, {@code more} wins. */
    public CalendarOverrides plus(CalendarOverrides more) {
        NavigableMap<LocalDate, Holiday> off = new TreeMap<>(daysOff);
        NavigableSet<LocalDate> work = new TreeSet<>(workingDays);
        off.keySet().removeAll(more.workingDays);
        work.removeAll(more.daysOff.keySet());
        off.putAll(more.daysOff);
        work.addAll(more.workingDays);
        Set<Integer> official = new TreeSet<>(officialYears);
        official.addAll(more.officialYears);
        return new CalendarOverrides(off, work, official);
    }

    /** A copy with one more day off (replacing whatever these overrides said of that date). */
    public CalendarOverrides withDayOff(LocalDate date, Holiday.Kind kind, String nameKey) {
        NavigableMap<LocalDate, Holiday> off = new TreeMap<>();
        off.put(date, new Holiday(date, kind, nameKey));
        return plus(new CalendarOverrides(off, new TreeSet<>(), Set.of()));
    }

    /** A copy in which {@code date} is worked (e.g. the Saturday of a swap). */
    public CalendarOverrides withWorkingDay(LocalDate date) {
        NavigableSet<LocalDate> work = new TreeSet<>();
        work.add(Objects.requireNonNull(date, "date"));
        return plus(new CalendarOverrides(new TreeMap<>(), work, Set.of()));
    }

    /** A copy in which {@code year} follows an official schedule (no computed compensation days). */
    public CalendarOverrides withOfficialYear(int year) {
        return plus(new CalendarOverrides(new TreeMap<>(), new TreeSet<>(), Set.of(year)));
    }

    /** The days off these overrides set, in date order. */
    public NavigableMap<LocalDate, Holiday> daysOff() {
        return daysOff;
    }

    /** The days these overrides make worked, in date order. */
    public NavigableSet<LocalDate> workingDays() {
        return workingDays;
    }

    public Set<Integer> officialYears() {
        return officialYears;
    }

    boolean isOfficial(int year) {
        return officialYears.contains(year);
    }

    /** True when some day off of this kind lies in {@code year}. */
    boolean definesKind(int year, Holiday.Kind kind) {
        return daysOff.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values().stream()
                .anyMatch(h -> h.kind() == kind);
    }

    /** The entries in the text format, one date a line; {@code parse(format())} gives back equal overrides. */
    public String format() {
        StringBuilder s = new StringBuilder();
        officialYears.stream().sorted().forEach(y -> s.append("official ").append(y).append('\n'));
        for (Holiday h : daysOff.values()) {
            s.append("off ").append(h.date()).append(' ').append(h.kind()).append(' ').append(h.nameKey()).append('\n');
        }
        for (LocalDate d : workingDays) {
            s.append("work ").append(d).append("  # ")
                    .append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                    .append('\n');
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarOverrides other && daysOff.equals(other.daysOff)
                && workingDays.equals(other.workingDays) && officialYears.equals(other.officialYears);
    }

    @Override
    public int hashCode() {
        return Objects.hash(daysOff, workingDays, officialYears);
    }

    @Override
    public String toString() {
        return "CalendarOverrides[" + daysOff.size() + " days off, " + workingDays.size() + " worked days, official "
                + new TreeSet<>(officialYears) + "]";
    }

    private static void requireWords(String[] words, int min, int max, int line) {
        if (words.length < min) {
            throw new CalendarDataException(line, CalendarDataException.Problem.MISSING_ARGUMENT, words[0]);
        }
        if (words.length > max) {
            throw new CalendarDataException(line, CalendarDataException.Problem.TRAILING_TEXT, words[max]);
        }
    }

    private static int year(String word, int line) {
        try {
            int year = Integer.parseInt(word);
            if (year >= 1800 && year <= 2199) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CalendarDataException(line, CalendarDataException.Problem.BAD_YEAR, word);
    }

    private static LocalDate[] range(String word, int line) {
        int dots = word.indexOf("..");
        LocalDate from = date(dots < 0 ? word : word.substring(0, dots), line);
        LocalDate to = dots < 0 ? from : date(word.substring(dots + 2), line);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new CalendarDataException(line, CalendarDataException.Problem.BAD_RANGE, word, MAX_RANGE_DAYS);
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(String word, int line) {
        try {
            LocalDate date = LocalDate.parse(word);
            year(String.valueOf(date.getYear()), line);
            return date;
        } catch (DateTimeParseException e) {
            throw new CalendarDataException(line, CalendarDataException.Problem.BAD_DATE, word);
        }
    }

    private static Holiday.Kind kind(String word, int line) {
        try {
            return Holiday.Kind.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CalendarDataException(line, CalendarDataException.Problem.UNKNOWN_KIND, word);
        }
    }

    private static void claim(Map<LocalDate, Integer> seenAt, LocalDate date, int line) {
        Integer earlier = seenAt.putIfAbsent(date, line);
        if (earlier != null) {
            throw new CalendarDataException(line, CalendarDataException.Problem.CONFLICTING_ENTRY, date.toString(),
                    String.valueOf(earlier));
        }
    }
}
