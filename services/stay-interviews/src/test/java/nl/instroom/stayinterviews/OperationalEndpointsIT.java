package nl.instroom.stayinterviews;

import nl.instroom.testing.OperationalEndpointsContract;

class OperationalEndpointsIT extends OperationalEndpointsContract {
}
