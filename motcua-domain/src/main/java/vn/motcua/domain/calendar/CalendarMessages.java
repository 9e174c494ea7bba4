package vn.motcua.domain.calendar;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The package's texts: {@code vn/motcua/domain/calendar/messages.properties} (English) and {@code messages_vi}. */
final class CalendarMessages {

    private static final String BUNDLE = "vn.motcua.domain.calendar.messages";

    private CalendarMessages() {
    }

    /** The text of {@code key} in {@code locale}, or null when the bundle does not define it. */
    static String text(Locale locale, String key, Object... args) {
        try {
            // English is the base bundle: never fall back to the JVM's default locale.
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
