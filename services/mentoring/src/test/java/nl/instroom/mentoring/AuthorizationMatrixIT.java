package nl.instroom.mentoring;

import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.security.AuthorizationMatrixContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The matrix of mentoring: only country-wide roles are named, so no region- or school-scoped caller gets in. */
@SpringBootTest(classes = {MentoringApplication.class, MentoringTestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    @Override
    protected AnotherScope anotherScope() {
        return new AnotherScope("AM11", "51FL00", Set.of(), Map.of(), Map.of(), () -> "");
    }
}
