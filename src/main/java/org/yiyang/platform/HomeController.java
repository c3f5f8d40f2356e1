package org.yiyang.platform;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page of the web shell. */
@PreAuthorize(Access.SIGNED_IN)
@Controller
class HomeController {
    private final YiyangProperties properties;

    HomeController(YiyangProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    String home(org.springframework.ui.Model model, org.yiyang.shared.Actor actor) {
        if (actor.has(org.yiyang.shared.Role.CITIZEN)) {
            return "redirect:/my"; // the elder's own page is a citizen's home
        }
        model.addAttribute("demo", properties.demoEnabled());
        return "home";
    }
}
