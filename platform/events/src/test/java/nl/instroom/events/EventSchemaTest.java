package nl.instroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Each event's JSON Schema describes exactly its record, and what a producer writes validates against it. */
class EventSchemaTest {

    private static final JsonMapper PRODUCER_JSON = JsonMapper.builder().build();
    private static final ObjectMapper SCHEMA_JSON = new ObjectMapper();

    static Set<EventCatalog.EventType> types() {
        return Set.copyOf(EventCatalog.all());
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaListsExactlyTheRecordsFields(EventCatalog.EventType type) throws IOException {
        JsonNode schema = schema(type);

        Set<String> schemaFields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = Arrays.stream(type.recordClass().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(schemaFields).as("fields of %s", type.type()).isEqualTo(recordFields);
    }

    @Test
    void everyPublishedTypeHasASampleThatValidatesAgainstItsSchema() throws IOException {
        assertThat(SampleEvents.all().stream().map(event -> EventCatalog.of(event).type()))
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventCatalog.EventType::type)
                        .toList());
        for (InstroomEvent event : SampleEvents.all()) {
            Set<ValidationMessage> errors = validate(EventCatalog.of(event), PRODUCER_JSON.writeValueAsString(event));
            assertThat(errors).as("%s validates against its schema", event).isEmpty();
        }
    }

    @Test
    void schemaRejectsDataThatBreaksTheContract() throws IOException {
        EventCatalog.EventType vacancyOpened = EventCatalog.byType("nl.instroom.needmap.VacancyOpened.v1").orElseThrow();

        assertThat(validate(vacancyOpened, """
                {"vacancyId":"v-1","schoolCode":"not a code","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                 "startDate":"2026-11-23","urgency":"HIGH","revision":1}"""))
                .as("an invalid vestigingscode").isNotEmpty();
        assertThat(validate(vacancyOpened, """
                {"vacancyId":"v-1","schoolCode":"21CM00","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                 "startDate":"2026-11-23","revision":1}"""))
                .as("a missing urgency").isNotEmpty();
    }

    @Test
    void recordsWithAnAddedOptionalFieldStillValidate() throws IOException {
        EventCatalog.EventType vacancyFilled = EventCatalog.byType("nl.instroom.needmap.VacancyFilled.v1").orElseThrow();

        assertThat(validate(vacancyFilled, """
                {"vacancyId":"v-1","schoolCode":"21CM00","subject":"wiskunde","fte":0.8,"filledOn":"2026-11-23",
                 "revision":2,"addedLater":"fine within v1"}""")).isEmpty();
    }

    /**
     * Schools' tutoring days and capacity were added within v1: an event written before still validates and reads
     * as "the school has not said", and the schema refuses a weekend day or a capacity of 0.
     */
    @Test
    void aSchoolEventFromBeforeTutoringDaysStillReadsAsNotSaid() throws IOException {
        EventCatalog.EventType updated = EventCatalog.byType("nl.instroom.needmap.SchoolUpdated.v1").orElseThrow();
        String older = """
                {"vestigingscode":"21CM00","name":"De Springplank","sector":"PO","municipality":"ZWOLLE",
                 "municipalityCode":"GM0193","postcode":"8021AB","latitude":52.52,"longitude":6.09,"region":"AM36",
                 "revision":2}""";

        assertThat(validate(updated, older)).isEmpty();
        nl.instroom.events.needmap.SchoolUpdated read = PRODUCER_JSON.readValue(older,
                nl.instroom.events.needmap.SchoolUpdated.class);
        assertThat(read.tutoringDays()).isNull();
        assertThat(read.tutorCapacity()).isNull();
        assertThat(validate(updated, older.replace("\"revision\"", "\"tutoringDays\":[\"SATURDAY\"],\"revision\"")))
                .as("a weekend day").isNotEmpty();
        assertThat(validate(updated, older.replace("\"revision\"", "\"tutorCapacity\":0,\"revision\"")))
                .as("no room for a tutor").isNotEmpty();
    }

    private static Set<ValidationMessage> validate(EventCatalog.EventType type, String json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema(type));
        schema.initializeValidators();
        return schema.validate(SCHEMA_JSON.readTree(json));
    }

    private static JsonNode schema(EventCatalog.EventType type) throws IOException {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s on the classpath", type.schemaResource()).isNotNull();
            return SCHEMA_JSON.readTree(in);
        }
    }
}
