package nl.instroom.portal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one portal that the browser tests and the MockMvc tests of advice and mentoring share. Every subclass has
 * exactly this configuration (and declares none of its own), so Spring's context cache starts the portal once per
 * test JVM instead of once per class.
 *
 * <p>The portal's addresses of identity and the services are fixed when it starts, but each test class should find
 * the fakes as they begin (a class registers tutors, accepts placements, answers career-advice's question...), as
 * when each class started its own portal. So the portal is pointed at a "door" per fake, a local port that lives
 * for the JVM, and each class puts fresh fakes behind the doors before its first test. The fakes' signing key is
 * one per JVM ({@link FakeServices}), so the key set the portal fetched once stays valid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class SharedPortal {

    private static final Door SERVICES_DOOR = new Door(FakeServices.DOCUMENTED_BY);
    private static final Door ADVICE_DOOR = new Door("career-advice");
    private static final Door MENTORING_DOOR = new Door("mentoring");

    /** The running test class's fakes: identity and the services, career-advice, mentoring. */
    static FakeServices SERVICES;
    static AdvicePagesIT.FakeCareerAdvice ADVICE;
    static FakeMentoring MENTORING;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        PortalTestSetup.pointAt(SERVICES_DOOR.url(), registry);
        registry.add("instroom.portal.career-advice-url", ADVICE_DOOR::url);
        registry.add("instroom.portal.mentoring-url", MENTORING_DOOR::url);
    }

    @BeforeAll
    static void freshFakes() {
        SERVICES = FakeServices.started();
        ADVICE = new AdvicePagesIT.FakeCareerAdvice();
        MENTORING = new FakeMentoring();
        FakeServices services = SERVICES;
        AdvicePagesIT.FakeCareerAdvice advice = ADVICE;
        FakeMentoring mentoring = MENTORING;
        SERVICES_DOOR.behind(services::handle);
        ADVICE_DOOR.behind(advice::handle);
        MENTORING_DOOR.behind(mentoring::handle);
    }

    @AfterAll
    static void closeFakes() {
        ADVICE.server.stop(0);
        MENTORING.close();
        SERVICES.close(); // and fails the class if any fake answered outside a service's published API
    }

    @LocalServerPort
    int port;

    String origin() {
        return "http://127.0.0.1:" + port;
    }

    String url(String path) {
        return origin() + path;
    }

    /**
     * A local port for the JVM that hands each request to the fake behind it now, holding the answers to the
     * published APIs of the services the fake stands in for.
     */
    private static final class Door {

        private final HttpServer server;
        private volatile HttpHandler behind = exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        };

        Door(String... documentedBy) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OpenApiContract.install(server.createContext("/", exchange -> behind.handle(exchange)), documentedBy);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void behind(HttpHandler fake) {
            behind = fake;
        }
    }
}
