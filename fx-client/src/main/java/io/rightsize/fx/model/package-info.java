/** Immutable records and enums the client shows: stack components, order-file checks, usage metrics, capacity. */
package io.rightsize.fx.model;
