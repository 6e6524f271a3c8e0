package nl.instroom.portal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (toegankelijkheidsverklaring), linked from every page's footer and readable without
 * signing in: which standard, how it is checked, the known limitations, and where to report a problem. Where to
 * report is the operator's to say ({@code instroom.portal.accessibility-contact}); until they do, the page says so
 * rather than show an address nobody reads.
 */
@Controller
class AccessibilityStatement {

    private final Contact contact;

    AccessibilityStatement(@Value("${instroom.portal.accessibility-contact:}") String contact) {
        this.contact = Contact.of(contact);
    }

    @GetMapping("/accessibility")
    String statement(Model model) {
        model.addAttribute("contact", contact);
        return "accessibility";
    }

    /** The operator's contact for accessibility problems: a link (e-mail or web address) or plain text; none if empty. */
    record Contact(String text, String href) {

        static Contact of(String configured) {
            if (configured == null || configured.isBlank()) {
                return null;
            }
            String text = configured.trim();
            if (text.startsWith("https://") || text.startsWith("http://")) {
                return new Contact(text, text);
            }
            if (text.matches("[^@\\s:/]+@[^@\\s:/]+\\.[^@\\s:/]+")) {
                return new Contact(text, "mailto:" + text);
            }
            // a telephone number or a postal address: shown as it is
            return new Contact(text, null);
        }
    }
}
