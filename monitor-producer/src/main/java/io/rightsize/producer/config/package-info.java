/** Typed configuration of the monitor-producer. */
package io.rightsize.producer.config;
