package nl.instroom.tutoring;

import nl.instroom.testing.OperationalEndpointsContract;

class OperationalEndpointsIT extends OperationalEndpointsContract {
}
