package nl.instroom.tutoring;

import nl.instroom.chassis.security.AuthorizationMatrixContract;

class AuthorizationMatrixIT extends AuthorizationMatrixContract {
}
