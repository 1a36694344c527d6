/** Kafka input of the monitor-consumer: batches of samples from the resources topic. */
package io.rightsize.consumer.messaging;
