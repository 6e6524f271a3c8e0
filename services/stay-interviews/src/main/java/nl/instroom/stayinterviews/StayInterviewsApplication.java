package nl.instroom.stayinterviews;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** stay-interviews: HR's stay-gesprekken and the retention signals they give. */
@SpringBootApplication
public class StayInterviewsApplication {

    public static void main(String[] args) {
        SpringApplication.run(StayInterviewsApplication.class, args);
    }
}
