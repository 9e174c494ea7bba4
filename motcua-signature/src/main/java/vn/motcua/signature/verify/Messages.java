package vn.motcua.signature.verify;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Vietnamese / English texts of findings and summaries (messages.properties, messages_vi.properties). */
final class Messages {
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "vn.motcua.signature.verify.messages";

    private Messages() {
    }

    static String format(Locale locale, String key, Object... args) {
        // ROOT fallback so an English JVM default never leaks into a Vietnamese request and vice versa
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
