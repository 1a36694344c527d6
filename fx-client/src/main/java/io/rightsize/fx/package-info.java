/** The desktop client's entry points: the launcher and the JavaFX application that wires views to view-models. */
package io.rightsize.fx;
