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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;
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
            // A multipart body that no one has parsed is left to its handler (the reception endpoints stream it):
            // reading a form parameter would make the container parse it, so there only the query string counts.
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                String type = request.getContentType();
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                        || WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null) {
                    return super.preHandle(request, response, handler);
                }
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
