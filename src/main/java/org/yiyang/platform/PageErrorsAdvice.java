package org.yiyang.platform;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.NotFound;

/** Pages answer a missing (or out-of-jurisdiction) record with 404 and a refusal with 403, in the page layout. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorsAdvice {
    private final ApplicationEventPublisher events;

    PageErrorsAdvice(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(AccessRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(AccessRefused e) {
        events.publishEvent(e); // the identity module audits every refusal
        return "error/403";
    }
}
