package vn.motcua.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The module's user-facing texts: {@code vn/motcua/domain/messages.properties} (English) and
 * {@code messages_vi.properties} (Vietnamese), both UTF-8. Also holds the labels of states, roles and actions
 * ({@code state.RECEIVED}, {@code role.LEADER}, {@code action.FORWARD} ...), so every module shows the same words.
 */
public final class DomainMessages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "vn.motcua.domain.messages";

    private DomainMessages() {
    }

    /** Resolves a key; a missing key is shown as {@code !key!} rather than failing, so a gap is visible, not fatal. */
    public static String format(Locale locale, String key, Object... args) {
        try {
            // English is the base bundle: never fall back to the JVM's default locale.
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            if (args.length == 0) {
                return pattern;
            }
            Object[] shown = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                shown[i] = args[i] instanceof Labelled l ? format(locale, l.labelKey()) : args[i];
            }
            return new MessageFormat(pattern, locale).format(shown);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** True when both bundles define the key. */
    public static boolean isDefined(String key) {
        return !format(Locale.ENGLISH, key).startsWith("!") && !format(VIETNAMESE, key).startsWith("!");
    }
}
