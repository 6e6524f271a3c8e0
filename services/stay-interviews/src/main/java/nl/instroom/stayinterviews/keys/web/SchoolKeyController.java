package nl.instroom.stayinterviews.keys.web;

import jakarta.validation.constraints.Pattern;
import nl.instroom.stayinterviews.keys.application.KeyShredding;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SchoolKeyController {

    record Shredded(String schoolCode, int keysDeleted) {
    }

    private final KeyShredding shredding;

    SchoolKeyController(KeyShredding shredding) {
        this.shredding = shredding;
    }

    /** Deletes the school's key: all its stored interview text becomes unreadable. Cannot be undone. */
    @DeleteMapping("/api/admin/schools/{schoolCode}/key")
    Shredded shred(@PathVariable @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}") String schoolCode) {
        return new Shredded(schoolCode, shredding.shredSchool(schoolCode));
    }
}
