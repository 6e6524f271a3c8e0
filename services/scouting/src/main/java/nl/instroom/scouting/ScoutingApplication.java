package nl.instroom.scouting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** scouting: the talent scout's pipeline. */
@SpringBootApplication
public class ScoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoutingApplication.class, args);
    }
}
