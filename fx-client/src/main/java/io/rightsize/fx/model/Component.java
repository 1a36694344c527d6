package io.rightsize.fx.model;

/** One component of the stack (Kafka, PostgreSQL or a service) with its endpoint and state. */
public record Component(String name, String endpoint, ComponentState state) {

    public Component withState(ComponentState newState) {
        return new Component(name, endpoint, newState);
    }
}
