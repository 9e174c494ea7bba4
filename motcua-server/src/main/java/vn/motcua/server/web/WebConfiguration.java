package vn.motcua.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.domain.DomainMessages;

import java.time.Duration;

/** Vietnamese by default; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("motcua-lang");
        resolver.setDefaultLocale(DomainMessages.VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            // Only the query string: reading a form parameter would make the container parse a multipart body that
            // the reception endpoints stream themselves.
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                return super.preHandle(new HttpServletRequestWrapper(request) {
                    @Override
                    public String getParameter(String name) {
                        String query = request.getQueryString();
                        return query == null ? null
                                : UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name);
                    }
                }, response, handler);
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
