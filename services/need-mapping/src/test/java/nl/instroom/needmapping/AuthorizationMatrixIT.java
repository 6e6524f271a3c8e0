package nl.instroom.needmapping;

import nl.instroom.chassis.security.AuthorizationMatrixContract;

class AuthorizationMatrixIT extends AuthorizationMatrixContract {
}
