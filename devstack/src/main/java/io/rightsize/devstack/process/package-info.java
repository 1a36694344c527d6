/**
 * The stack's processes as the operating system sees them: pid files that outlive a crashed stack, and stopping
 * a process the way a container runtime does (a signal, a window to finish, then a kill of the whole tree).
 */
package io.rightsize.devstack.process;
