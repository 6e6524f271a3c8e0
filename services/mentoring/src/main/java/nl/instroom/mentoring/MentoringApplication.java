package nl.instroom.mentoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** mentoring: the cross-mentoring programme of school leaders and business executives. */
@SpringBootApplication
public class MentoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(MentoringApplication.class, args);
    }
}
