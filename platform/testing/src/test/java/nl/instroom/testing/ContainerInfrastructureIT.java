package nl.instroom.testing;

/** The real apache/kafka and mongo images. Skipped, with the reason, where Docker is missing. */
@InstroomInfrastructure(mode = InfrastructureMode.CONTAINERS)
class ContainerInfrastructureIT extends InfrastructureContract {
}
