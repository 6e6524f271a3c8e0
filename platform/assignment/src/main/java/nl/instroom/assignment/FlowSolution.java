package nl.instroom.assignment;

/**
 * A flow on every arc of a {@link FlowNetwork}, its total cost, and the certificate that it is of minimum cost.
 * {@link MinCostFlow#solve} returns one only after the certificate has been verified against the network.
 */
public final class FlowSolution {

    private final long[] flow;
    private final long totalCost;
    private final OptimalityCertificate certificate;

    FlowSolution(long[] flow, long totalCost, OptimalityCertificate certificate) {
        this.flow = flow;
        this.totalCost = totalCost;
        this.certificate = certificate;
    }

    /** The flow on an arc, by the number {@link FlowNetwork#addArc} gave it. */
    public long flow(int arc) {
        if (arc < 0 || arc >= flow.length) {
            throw new IllegalArgumentException("No arc " + arc + " (the solution has " + flow.length + ")");
        }
        return flow[arc];
    }

    public int arcCount() {
        return flow.length;
    }

    /** The sum over arcs of flow × unit cost. */
    public long totalCost() {
        return totalCost;
    }

    public OptimalityCertificate certificate() {
        return certificate;
    }

    /** The same flows with one arc changed: what a test uses to check that the certificate notices tampering. */
    FlowSolution withFlow(int arc, long value) {
        long[] changed = flow.clone();
        changed[arc] = value;
        return new FlowSolution(changed, totalCost, certificate);
    }

    FlowSolution withTotalCost(long value) {
        return new FlowSolution(flow, value, certificate);
    }
}
