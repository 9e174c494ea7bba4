package vn.motcua.server.reception;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Wires {@link ReceptionForms}: the reception endpoints take a {@link ReceptionForm} argument, and the multipart resolver
 * leaves the bodies that {@link ReceptionForms} streams unparsed.
 */
@Configuration(proxyBeanMethods = false)
class ReceptionStreaming implements WebMvcConfigurer {

    private final ReceptionForms forms;

    ReceptionStreaming(ReceptionForms forms) {
        this.forms = forms;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(forms);
    }

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return super.isMultipart(request) && !ReceptionForms.streamed(request);
            }
        };
    }
}
