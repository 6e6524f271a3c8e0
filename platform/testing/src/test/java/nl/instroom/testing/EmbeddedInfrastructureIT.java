package nl.instroom.testing;

/** The embedded default: in-process KRaft broker and mongo-java-server. Runs everywhere. */
@InstroomInfrastructure(mode = InfrastructureMode.EMBEDDED)
class EmbeddedInfrastructureIT extends InfrastructureContract {
}
