package org.yiyang.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page of the browser interface. */
@PreAuthorize(Access.PUBLIC)
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }
}
