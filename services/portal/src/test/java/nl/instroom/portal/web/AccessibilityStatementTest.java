package nl.instroom.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessibilityStatementTest {

    @Test
    void theOperatorsContactIsALinkWhenItIsAnAddressAndNothingWhenNoneWasGiven() {
        assertThat(AccessibilityStatement.Contact.of("toegankelijkheid@regio.example"))
                .isEqualTo(new AccessibilityStatement.Contact("toegankelijkheid@regio.example",
                        "mailto:toegankelijkheid@regio.example"));
        assertThat(AccessibilityStatement.Contact.of(" https://regio.example/melden "))
                .isEqualTo(new AccessibilityStatement.Contact("https://regio.example/melden",
                        "https://regio.example/melden"));
        assertThat(AccessibilityStatement.Contact.of("038 123 45 67"))
                .isEqualTo(new AccessibilityStatement.Contact("038 123 45 67", null));
        assertThat(AccessibilityStatement.Contact.of("javascript:alert(1)").href()).as("never a script link").isNull();
        assertThat(AccessibilityStatement.Contact.of("")).isNull();
        assertThat(AccessibilityStatement.Contact.of(null)).isNull();
    }
}
