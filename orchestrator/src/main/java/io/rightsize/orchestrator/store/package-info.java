/** PostgreSQL persistence of orders, tasks and out-of-memory events, and reads of earlier usage (reactive client). */
package io.rightsize.orchestrator.store;
