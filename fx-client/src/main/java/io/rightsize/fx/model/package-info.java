/** Immutable records and enums the client shows: components of the stack, order-file checks, usage metrics. */
package io.rightsize.fx.model;
