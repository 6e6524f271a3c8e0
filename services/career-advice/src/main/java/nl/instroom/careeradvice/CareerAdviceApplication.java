package nl.instroom.careeradvice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** career-advice: the Onderwijsloket's advice desk for career switchers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareerAdviceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareerAdviceApplication.class, args);
    }
}
