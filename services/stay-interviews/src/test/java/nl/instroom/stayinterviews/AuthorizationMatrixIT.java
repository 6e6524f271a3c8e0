package nl.instroom.stayinterviews;

import nl.instroom.chassis.security.AuthorizationMatrixContract;

class AuthorizationMatrixIT extends AuthorizationMatrixContract {
}
