/** PostgreSQL access of the monitor-consumer: batched idempotent sample writes and statistics queries. */
package io.rightsize.consumer.store;
