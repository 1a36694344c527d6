/**
 * Which task may start now: each local task's requests must fit beside those of the running tasks in the capacity
 * set aside for tasks, as the scheduler's resource fit does for a node; the others wait, in submission order.
 */
package io.rightsize.orchestrator.admission;
