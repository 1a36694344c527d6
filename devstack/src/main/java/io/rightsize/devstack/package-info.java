/** The embedded default stack: real Kafka and PostgreSQL on 127.0.0.1 plus the service processes. */
package io.rightsize.devstack;
