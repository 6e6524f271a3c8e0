package nl.instroom.careeradvice.agenda.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.instroom.careeradvice.agenda.application.Agenda;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.chassis.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Free slots for anyone (times only); advisers' own slots and agenda. */
@RestController
@Validated
class SlotController {

    /** A free slot as anyone sees it: when, nothing about the adviser. */
    record FreeSlot(String id, Instant start, Instant end) {
    }

    /** A slot in the adviser's own agenda, with the case it is booked for. */
    record AgendaSlot(String id, Instant start, Instant end, Slot.Status status, String caseId) {

        static AgendaSlot of(Slot slot) {
            return new AgendaSlot(slot.id(), slot.start(), slot.end(), slot.status(), slot.caseId());
        }
    }

    record PublishSlot(@NotNull Instant start, @NotNull @Min(20) @Max(60) Integer minutes) {
    }

    private final Agenda agenda;

    SlotController(Agenda agenda) {
        this.agenda = agenda;
    }

    @GetMapping("/api/slots")
    @Operation(summary = "Free slots for a conversation (20–60 minutes) from now on, at most three months ahead. No "
            + "sign-in.")
    List<FreeSlot> free(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return agenda.free(from, to).stream().map(slot -> new FreeSlot(slot.id(), slot.start(), slot.end()))
                .toList();
    }

    @PostMapping("/api/slots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publishes a free slot of the calling adviser; 409 when it overlaps one of their slots.")
    AgendaSlot publish(@Valid @RequestBody PublishSlot request) {
        return AgendaSlot.of(agenda.publish(request.start(), request.minutes(), CurrentUser.get()));
    }

    @DeleteMapping("/api/slots/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraws a free slot of the calling adviser; 409 once it is booked.")
    void withdraw(@PathVariable @Size(max = 40) String id) {
        agenda.withdraw(id, CurrentUser.get());
    }

    @GetMapping("/api/agenda")
    @Operation(summary = "The calling adviser's slots, free and booked (with the case), from yesterday on.")
    List<AgendaSlot> agenda(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return agenda.agenda(from, to, CurrentUser.get()).stream().map(AgendaSlot::of).toList();
    }
}
