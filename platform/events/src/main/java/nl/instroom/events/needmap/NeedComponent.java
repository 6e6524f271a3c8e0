package nl.instroom.events.needmap;

/** One term of the need-index formula: its raw value and the weight it was given. */
public record NeedComponent(String name, double value, double weight) {
}
