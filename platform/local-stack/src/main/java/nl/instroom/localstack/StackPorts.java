package nl.instroom.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the parts of the local stack listen: one address, fixed ports, one store per service. Fixed, so the portal,
 * the journeys, the benchmarks and a developer's scripts find every part without being told.
 */
final class StackPorts {

    static final String BIND = System.getProperty("instroom.bind", "127.0.0.1");
    static final int KAFKA_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final int IDENTITY_PORT = 9000;
    static final int IDENTITY_STORE_PORT = 27105;
    static final int PORTAL_PORT = 8080;

    /** A service of the stack: its module, HTTP port, store port and database. */
    record Service(String name, int port, int storePort, String database) {

        String url() {
            return "http://" + BIND + ":" + port;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("need-mapping", 8081, 27101, "needmapping"),
            new Service("tutoring", 8082, 27102, "tutoring"),
            new Service("scouting", 8083, 27103, "scouting"),
            new Service("stay-interviews", 8084, 27104, "stayinterviews"),
            new Service("career-advice", 8085, 27106, "careeradvice"),
            new Service("mentoring", 8086, 27107, "mentoring"));

    private StackPorts() {
    }

    static Service service(String name) {
        return SERVICES.stream().filter(each -> each.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name + " in the stack"));
    }

    static String issuer() {
        return "http://" + BIND + ":" + IDENTITY_PORT;
    }

    /** Where the identity server sends the portal's sign-ins back to. */
    static String portalRedirectUri() {
        return "http://" + BIND + ":" + PORTAL_PORT + "/login/oauth2/code/instroom";
    }

    static String kafkaBootstrap() {
        return BIND + ":" + KAFKA_PORT;
    }

    /** Refuses to start over a part that is still listening: most often a stack already running. */
    static void requireFree() {
        List<Integer> ports = new ArrayList<>(List.of(KAFKA_PORT, CONTROLLER_PORT, IDENTITY_PORT,
                IDENTITY_STORE_PORT, PORTAL_PORT));
        SERVICES.forEach(service -> {
            ports.add(service.port());
            ports.add(service.storePort());
        });
        for (int port : ports) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " on " + BIND + " is in use: is the stack already "
                        + "running? Stop it (Ctrl-C) or free the port");
            }
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BIND, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
