package nl.instroom.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/** The real images: apache/kafka in KRaft mode and mongo as a single-node replica set. */
final class ContainerInfrastructure implements TestInfrastructure {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0");

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    ContainerInfrastructure() {
        kafka = new KafkaContainer(KAFKA_IMAGE);
        mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String description() {
        return "containers " + KAFKA_IMAGE + " + " + MONGO_IMAGE;
    }

    @Override
    public void close() {
        mongo.stop();
        kafka.stop();
    }
}
