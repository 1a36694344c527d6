/**
 * The command-line entry point that runs one task as its own OS process, so its CPU and memory can be measured in
 * isolation.
 */
package io.rightsize.tasks;
