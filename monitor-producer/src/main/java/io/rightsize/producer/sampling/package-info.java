/** Per-process sampling of running tasks: counters, rates and the once-a-second schedule. */
package io.rightsize.producer.sampling;
