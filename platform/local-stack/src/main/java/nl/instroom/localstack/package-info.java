/**
 * The local stack: the embedded default for one machine with only a JDK. A supervisor starts a real single-node
 * Kafka broker (KRaft, from the Kafka jars), one mongo-java-server store per service on an H2 file, the identity
 * server, the services and the portal, each as its own process, like they run in production; it stops them in
 * reverse order. {@link nl.instroom.localstack.LocalStack} is the order of the start,
 * {@link nl.instroom.localstack.StackPorts} where each part listens, {@link nl.instroom.localstack.StackEnvironment}
 * what each is started with, {@link nl.instroom.localstack.StackProcesses} the running processes and
 * {@link nl.instroom.localstack.StackSummary} what is printed once all run; the {@code Demo*} classes put the demo
 * data in through the services' APIs. Killing and restarting parts of a running stack is test support
 * ({@code StackFaults}, in this module's test jar).
 */
package nl.instroom.localstack;
