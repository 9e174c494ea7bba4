package vn.motcua.extraction;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A user-facing message in Vietnamese and English, from the message bundles.
 *
 * @param key the bundle key, stable for callers that translate themselves
 * @param vi  the Vietnamese text
 * @param en  the English text
 */
public record Message(String key, String vi, String en) {

    private static final String BUNDLE = "vn.motcua.extraction.messages";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static Message of(String key, Object... args) {
        return new Message(key, format(VIETNAMESE, key, args), format(Locale.ROOT, key, args));
    }

    private static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
