package vn.motcua.domain.calendar;

import java.util.Locale;

final class DomainLocales {
    static final Locale VI = Locale.forLanguageTag("vi");

    private DomainLocales() {
    }
}
