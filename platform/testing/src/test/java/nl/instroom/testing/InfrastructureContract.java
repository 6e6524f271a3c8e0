package nl.instroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What every infrastructure variant must give a test: a broker that round-trips records and a working store. */
abstract class InfrastructureContract {

    @Test
    void aRecordProducedToTheBrokerIsReadBackWithItsKeyAndHeaders(TestInfrastructure infrastructure) throws Exception {
        String topic = "probe." + UUID.randomUUID();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
                var probe = TopicProbe.on(infrastructure, topic)) {
            var record = new ProducerRecord<>(topic, "21CM00", "{}".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "nl.instroom.test.Probed.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();

            var received = probe.awaitRecord(TopicProbe.withKey("21CM00"));

            assertThat(TopicProbe.header(received, "ce_type")).isEqualTo("nl.instroom.test.Probed.v1");
        }
    }

    @Test
    void aDocumentWrittenToTheStoreIsFoundAgain(TestInfrastructure infrastructure) {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> schools = client.getDatabase("contract").getCollection("schools");
            schools.insertOne(new Document("_id", "21CM00").append("name", "De Springplank"));

            assertThat(schools.find(new Document("_id", "21CM00")).first())
                    .containsEntry("name", "De Springplank");
        }
    }
}
