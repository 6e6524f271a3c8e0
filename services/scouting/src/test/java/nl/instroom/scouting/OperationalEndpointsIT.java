package nl.instroom.scouting;

import nl.instroom.testing.OperationalEndpointsContract;

class OperationalEndpointsIT extends OperationalEndpointsContract {
}
