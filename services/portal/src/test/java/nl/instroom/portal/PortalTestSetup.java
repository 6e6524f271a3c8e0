package nl.instroom.portal;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the portal's sign-in and every service at one {@link FakeServices}. */
final class PortalTestSetup {

    private PortalTestSetup() {
    }

    static void pointAt(FakeServices fake, DynamicPropertyRegistry registry) {
        pointAt(fake.url(), registry);
    }

    /** The same for the fake (or the door to it) answering at this address. */
    static void pointAt(String url, DynamicPropertyRegistry registry) {
        for (String service : new String[] {"identity-url", "need-mapping-url", "tutoring-url", "scouting-url",
                "stay-interviews-url"}) {
            registry.add("instroom.portal." + service, () -> url);
        }
        String provider = "spring.security.oauth2.client.provider.instroom.";
        registry.add(provider + "authorization-uri", () -> url + "/oauth2/authorize");
        registry.add(provider + "token-uri", () -> url + "/oauth2/token");
        registry.add(provider + "jwk-set-uri", () -> url + "/oauth2/jwks");
    }
}
