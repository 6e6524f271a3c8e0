package nl.instroom.needmapping;

import nl.instroom.testing.OperationalEndpointsContract;

class OperationalEndpointsIT extends OperationalEndpointsContract {
}
