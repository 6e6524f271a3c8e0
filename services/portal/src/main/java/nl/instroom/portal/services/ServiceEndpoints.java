package nl.instroom.portal.services;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are (prefix {@code instroom.portal}); the defaults are the local stack's ports.
 */
@ConfigurationProperties("instroom.portal")
public record ServiceEndpoints(String needMappingUrl, String tutoringUrl, String scoutingUrl,
        String stayInterviewsUrl, String careerAdviceUrl, String mentoringUrl, String identityUrl) {

    public ServiceEndpoints {
        needMappingUrl = orDefault(needMappingUrl, "http://127.0.0.1:8081");
        tutoringUrl = orDefault(tutoringUrl, "http://127.0.0.1:8082");
        scoutingUrl = orDefault(scoutingUrl, "http://127.0.0.1:8083");
        stayInterviewsUrl = orDefault(stayInterviewsUrl, "http://127.0.0.1:8084");
        careerAdviceUrl = orDefault(careerAdviceUrl, "http://127.0.0.1:8085");
        mentoringUrl = orDefault(mentoringUrl, "http://127.0.0.1:8086");
        identityUrl = orDefault(identityUrl, "http://127.0.0.1:9000");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
