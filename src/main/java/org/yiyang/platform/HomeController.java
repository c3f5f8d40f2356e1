package org.yiyang.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page of the web shell. */
@Controller
class HomeController {
    private final YiyangProperties properties;

    HomeController(YiyangProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    String home(org.springframework.ui.Model model) {
        model.addAttribute("demo", properties.demoEnabled());
        return "home";
    }
}
