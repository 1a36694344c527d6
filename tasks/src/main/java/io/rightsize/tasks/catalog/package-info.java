/**
 * What tasks exist and which parameters they accept, so an order can be validated before any process is started.
 *
 * <p>This package has no dependency on the image operations: the orchestrator uses it on its own.
 */
package io.rightsize.tasks.catalog;
