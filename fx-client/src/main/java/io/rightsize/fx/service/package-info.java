/** Work that must stay off the FX thread: the embedded stack, gRPC calls and streams, order-file checks, settings. */
package io.rightsize.fx.service;
