/** Kafka input (task events) and output (samples) of the monitor-producer. */
package io.rightsize.producer.messaging;
