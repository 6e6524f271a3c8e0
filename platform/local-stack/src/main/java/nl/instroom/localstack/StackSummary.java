package nl.instroom.localstack;

import static nl.instroom.localstack.StackPorts.BIND;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a person who just started the stack needs to use it: where each part answers, and how to sign in. */
final class StackSummary {

    private StackSummary() {
    }

    static String of(Duration took, Path data, Path logs, List<String> credentials, List<String> secondFactors) {
        StringBuilder out = new StringBuilder("\nInstroom is running (started in " + took.toSeconds() + " s)\n\n");
        out.append(String.format("  %-16s %-34s %s%n", "service", "API", "store"));
        for (StackPorts.Service service : StackPorts.SERVICES) {
            out.append(String.format("  %-16s %-34s mongodb://%s:%d/%s%n", service.name(), service.url() + "/api",
                    BIND, service.storePort(), service.database()));
        }
        out.append("\n  identity        ").append(StackPorts.issuer())
                .append("  (OpenID discovery: /.well-known/openid-configuration; store mongodb://").append(BIND)
                .append(':').append(StackPorts.IDENTITY_STORE_PORT).append("/identity)\n");
        out.append("  portal          http://").append(BIND).append(':').append(StackPorts.PORTAL_PORT)
                .append("  (web pages; sign in with a demo sign-in below)\n");
        out.append("  Kafka           ").append(StackPorts.kafkaBootstrap()).append('\n');
        out.append("  health          http://").append(BIND).append(":<port>/actuator/health\n");
        out.append("  metrics         http://").append(BIND).append(":<port>/actuator/prometheus\n");
        out.append("  OpenAPI         http://").append(BIND).append(":<port>/v3/api-docs\n");
        out.append("  logs            ").append(logs).append('\n');
        out.append("\nDemo sign-ins (made on the first start, kept in ").append(data.resolve("identity"))
                .append("):\n");
        credentials.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nEvery person signs in with a second factor too: a code of an authenticator app. Add a demo person's")
                .append(" key to one\n(type it, or open the otpauth address on the phone), or print the current code")
                .append(" with `oathtool --totp -b KEY`:\n");
        secondFactors.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nAn API token for scripts (role INTEGRATION):\n  curl -s -u instroom-integration:<secret> -d ")
                .append("grant_type=client_credentials ").append(StackPorts.issuer()).append("/oauth2/token\n");
        out.append("\nPress Ctrl-C to stop; the data is kept for the next start.\n");
        return out.toString();
    }
}
