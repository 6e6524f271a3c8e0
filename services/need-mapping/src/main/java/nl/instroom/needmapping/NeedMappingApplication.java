package nl.instroom.needmapping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** need-mapping: the instroommakelaar's map of schools, vacancies and where staff are needed most. */
@SpringBootApplication
public class NeedMappingApplication {

    public static void main(String[] args) {
        SpringApplication.run(NeedMappingApplication.class, args);
    }
}
