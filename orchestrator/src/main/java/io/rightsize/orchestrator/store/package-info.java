/** PostgreSQL persistence of orders and tasks (reactive client). */
package io.rightsize.orchestrator.store;
