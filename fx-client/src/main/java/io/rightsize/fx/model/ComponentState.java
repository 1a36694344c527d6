package io.rightsize.fx.model;

/** Where one component of the stack stands, as the window shows it. */
public enum ComponentState {
    STOPPED,
    STARTING,
    READY,
    FAILED
}
