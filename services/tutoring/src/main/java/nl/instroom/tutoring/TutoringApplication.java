package nl.instroom.tutoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** tutoring: pupils as tutors, their placements, and matching them to the schools with the greatest need. */
@SpringBootApplication
public class TutoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(TutoringApplication.class, args);
    }
}
