package org.yiyang.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.shared.Actor;
import org.yiyang.shared.FieldMessages;
import org.yiyang.shared.InvalidInput;

/** First-administrator setup with the one-time token, and changing one's own password. */
@Controller
class AccountPages {
    private final FirstAdministrator firstAdministrator;
    private final PasswordChange passwordChange;
    private final MessageSource messages;

    AccountPages(FirstAdministrator firstAdministrator, PasswordChange passwordChange, MessageSource messages) {
        this.firstAdministrator = firstAdministrator;
        this.passwordChange = passwordChange;
        this.messages = messages;
    }

    @PreAuthorize(Access.PUBLIC)
    @GetMapping("/setup")
    String setup(Model model) {
        model.addAttribute("open", firstAdministrator.setupOpen());
        return "identity/setup";
    }

    @PreAuthorize(Access.PUBLIC)
    @PostMapping("/setup")
    String createAdministrator(@RequestParam String token, @RequestParam String username,
                               @RequestParam String password, Model model) {
        try {
            firstAdministrator.createAdministrator(token, username, password);
            return "redirect:/login?setup";
        } catch (InvalidInput e) {
            model.addAttribute("open", firstAdministrator.setupOpen());
            model.addAttribute("username", username);
            model.addAttribute("errors", messagesOf(e));
            return "identity/setup";
        }
    }

    @PreAuthorize(Access.SIGNED_IN)
    @GetMapping("/account/password")
    String passwordForm() {
        return "identity/password";
    }

    @PreAuthorize(Access.SIGNED_IN)
    @PostMapping("/account/password")
    String changePassword(Actor actor, @RequestParam String current, @RequestParam String password,
                          HttpSession session, Model model) {
        try {
            passwordChange.change(actor, current, password);
            session.removeAttribute(MfaGate.PASSWORD_CHANGE);
            return "redirect:/?passwordChanged";
        } catch (InvalidInput e) {
            model.addAttribute("errors", messagesOf(e));
            return "identity/password";
        }
    }

    private java.util.Map<String, String> messagesOf(InvalidInput e) {
        return FieldMessages.byField(e.problems(), messages, LocaleContextHolder.getLocale());
    }
}
