package nl.instroom.testing;

/** A running Kafka broker and MongoDB-compatible store for integration tests. */
public interface TestInfrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** A connection string without a database: each service names its own database. */
    String mongoUri();

    /** Human-readable description for test reports, e.g. "embedded KRaft broker + mongo-java-server". */
    String description();

    @Override
    void close();
}
