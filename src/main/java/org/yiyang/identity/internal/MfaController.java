package org.yiyang.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.shared.Actor;

/** The second step of a login: enrol an authenticator (QR code) or give its current code. */
@PreAuthorize(Access.SIGNED_IN)
@Controller
class MfaController {
    private static final String ENROLLING = "yiyang.mfa.enrolling";
    private final SecondFactor secondFactor;

    MfaController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping("/mfa")
    String show(Actor actor, HttpSession session, Model model) {
        if (secondFactor.enrolled(actor.userId())) {
            return "identity/mfa-verify";
        }
        String secret = (String) session.getAttribute(ENROLLING);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(ENROLLING, secret);
        }
        model.addAttribute("qr", secondFactor.qrDataUri(actor.username(), secret));
        model.addAttribute("secret", secret);
        return "identity/mfa-enrol";
    }

    @PostMapping("/mfa/verify")
    String verify(Actor actor, @RequestParam String code, HttpSession session) {
        if (!secondFactor.verify(actor, code)) {
            return "redirect:/mfa?error";
        }
        session.removeAttribute(MfaGate.PENDING);
        return "redirect:/";
    }

    @PostMapping("/mfa/enrol")
    String enrol(Actor actor, @RequestParam String code, HttpSession session) {
        String secret = (String) session.getAttribute(ENROLLING);
        if (secret == null || !secondFactor.enrol(actor, secret, code)) {
            return "redirect:/mfa?error";
        }
        session.removeAttribute(ENROLLING);
        session.removeAttribute(MfaGate.PENDING);
        return "redirect:/";
    }
}
