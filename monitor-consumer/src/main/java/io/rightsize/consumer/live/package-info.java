/** Live fan-out of freshly stored samples to gRPC watchers. */
package io.rightsize.consumer.live;
