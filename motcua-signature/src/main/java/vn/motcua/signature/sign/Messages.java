package vn.motcua.signature.sign;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Vietnamese / English texts of signing errors and appearance labels (messages.properties, messages_vi.properties). */
final class Messages {
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "vn.motcua.signature.sign.messages";

    private Messages() {
    }

    static String format(Locale locale, SigningException.Reason reason, Object... args) {
        return text(locale, "error." + reason.name(), args);
    }

    static String text(Locale locale, String key, Object... args) {
        // no fallback to the JVM default locale: an English server must still answer a Vietnamese request in Vietnamese
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
