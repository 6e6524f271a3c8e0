package nl.instroom.testing;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import nl.instroom.embedded.EmbeddedMongo;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker from the Kafka jars, in this JVM, and mongo-java-server with its memory backend. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private final EmbeddedKafkaKraftBroker broker;
    private final MongoServer mongo;
    private final String mongoUri;

    EmbeddedInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        // Single broker: internal topics cannot be replicated more than once.
        broker.brokerProperty("offsets.topic.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        mongo = EmbeddedMongo.inMemory();
        InetSocketAddress address = mongo.bind();
        mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }

    @Override
    public String description() {
        return "embedded KRaft broker (" + kafkaBootstrapServers() + ") + mongo-java-server (" + mongoUri + ")";
    }

    @Override
    public void close() {
        mongo.shutdownNow();
        broker.destroy();
    }
}
