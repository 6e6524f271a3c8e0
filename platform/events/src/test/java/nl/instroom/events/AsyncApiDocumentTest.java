package nl.instroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document and the code describe the same topics and event types: neither may drift. */
class AsyncApiDocumentTest {

    @Test
    void documentHasExactlyTheTopicsOfTheCode() throws IOException {
        Set<String> documented = new TreeSet<>();
        channels().values().forEach(channel -> documented.add((String) channel.get("address")));

        assertThat(documented).isEqualTo(new TreeSet<>(Topics.ALL));
    }

    @Test
    void documentHasExactlyTheEventTypesOfTheCodeOnTheirTopics() throws IOException {
        Map<String, Map<String, Object>> messages = section(document(), "components", "messages");
        Map<String, String> documentedTopicByType = new HashMap<>();
        channels().forEach((key, channel) -> {
            Map<String, Object> channelMessages = map(channel.get("messages"));
            channelMessages.values().forEach(ref -> {
                String name = ((String) map(ref).get("$ref")).replace("#/components/messages/", "");
                assertThat(messages).as("message %s referenced by channel %s", name, key).containsKey(name);
                documentedTopicByType.put((String) messages.get(name).get("x-ce-type"),
                        (String) channel.get("address"));
            });
        });
        Map<String, String> codeTopicByType = new HashMap<>();
        EventCatalog.all().forEach(type -> codeTopicByType.put(type.type(), type.topic()));

        assertThat(documentedTopicByType).isEqualTo(codeTopicByType);
        assertThat(messages.values().stream().map(message -> (String) message.get("x-ce-type")))
                .containsExactlyInAnyOrderElementsOf(codeTopicByType.keySet());
    }

    @Test
    void everyTopicHasAPublisherAndEveryOperationNamesItsService() throws IOException {
        Map<String, Map<String, Object>> operations = section(document(), "operations");
        Map<String, Map<String, Object>> channels = channels();
        Set<String> published = new TreeSet<>();
        operations.forEach((name, operation) -> {
            assertThat(operation.get("x-service")).as("service of operation %s", name).isNotNull();
            String channelKey = ((String) map(operation.get("channel")).get("$ref")).replace("#/channels/", "");
            assertThat(channels).as("channel of operation %s", name).containsKey(channelKey);
            if ("send".equals(operation.get("action"))) {
                published.add((String) channels.get(channelKey).get("address"));
            }
        });

        assertThat(published).isEqualTo(new TreeSet<>(Topics.ALL));
    }

    private static Map<String, Map<String, Object>> channels() throws IOException {
        return section(document(), "channels");
    }

    private static Map<String, Object> document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            Map<String, Object> document = new Yaml().load(in);
            assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
            return document;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> section(Map<String, Object> document, String... path) {
        Object node = document;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (Map<String, Map<String, Object>>) node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

}
