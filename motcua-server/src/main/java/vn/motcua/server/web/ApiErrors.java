package vn.motcua.server.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.dossier.TransitionRefusedException;
import vn.motcua.server.dossier.DeskException;

import java.net.URI;
import java.util.Locale;

/**
 * Every API error as an RFC 9457 problem: {@code type} names the error ({@code urn:motcua:<key>}), {@code detail} is in the
 * request's language, and the {@code vi} and {@code en} properties carry both texts so any client can show either.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

    private static final Locale EN = Locale.ENGLISH;
    private final MessageSource messages;

    public ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TransitionRefusedException.class)
    ProblemDetail refused(TransitionRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case ROLE, OFFICE -> HttpStatus.FORBIDDEN;
            case STATE, TIME_ORDER, NOT_FORWARDED, STILL_FORWARDED, PAUSED, ALREADY_LATE -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return domain(status, e, locale);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e, Locale locale) {
        return domain(HttpStatus.UNPROCESSABLE_CONTENT, e, locale);
    }

    private ProblemDetail domain(HttpStatus status, DomainException e, Locale locale) {
        return problem(status, e.key(), e.message(locale), e.message(DomainMessages.VIETNAMESE), e.message(EN));
    }

    @ExceptionHandler(DeskException.class)
    ProblemDetail desk(DeskException e, Locale locale) {
        return problem(e.status(), e.key(), e.args(), locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge", new Object[0], locale);
    }

    @ExceptionHandler({MethodArgumentNotValidException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class,
            IllegalArgumentException.class})
    ProblemDetail badRequest(Exception e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "error.request.invalid", new Object[0], locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], locale);
    }

    private ProblemDetail problem(HttpStatus status, String key, Object[] args, Locale locale) {
        return problem(status, key, messages.getMessage(key, args, key, locale),
                messages.getMessage(key, args, key, DomainMessages.VIETNAMESE), messages.getMessage(key, args, key, EN));
    }

    private static ProblemDetail problem(HttpStatus status, String key, String detail, String vi, String en) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:motcua:" + key));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("key", key);
        p.setProperty("vi", vi);
        p.setProperty("en", en);
        return p;
    }

    /**
     * Runs a page's change and flashes its outcome for the page it redirects to: {@code saved}, or the refusal's text
     * as {@code error}.
     */
    public void flash(Runnable change, RedirectAttributes redirect, Locale locale) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (DeskException e) {
            redirect.addFlashAttribute("error", describe(e, locale));
        }
    }

    /** Used by the web pages to show the same texts. */
    public String describe(Exception e, Locale locale) {
        if (e instanceof DomainException d) {
            return d.message(locale);
        }
        if (e instanceof DeskException d) {
            return messages.getMessage(d.key(), d.args(), d.key(), locale);
        }
        return messages.getMessage("error.request.invalid", null, locale);
    }
}
