package nl.instroom.careeradvice;

import nl.instroom.testing.OperationalEndpointsContract;

class OperationalEndpointsIT extends OperationalEndpointsContract {
}
