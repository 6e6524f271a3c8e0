package nl.instroom.scouting;

import nl.instroom.chassis.security.AuthorizationMatrixContract;

class AuthorizationMatrixIT extends AuthorizationMatrixContract {
}
