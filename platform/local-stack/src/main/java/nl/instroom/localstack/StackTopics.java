package nl.instroom.localstack;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.instroom.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Makes every topic of the event catalog on the stack's broker, as the Kubernetes and compose topic lists do. */
final class StackTopics {

    static final int PARTITIONS = 3;

    private StackTopics() {
    }

    /** Creates the topics that do not exist yet; a second start of the stack finds them all. */
    static void createAll(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            for (String topic : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        System.out.println("  Kafka broker up on " + bootstrap + " with topics " + Topics.ALL);
    }
}
