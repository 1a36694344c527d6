/** Records and names of the messages the services exchange over Kafka. */
package io.rightsize.common.messaging;
