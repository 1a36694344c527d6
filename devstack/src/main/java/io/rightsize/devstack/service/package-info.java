/** The services of the stack as separate JVM processes. */
package io.rightsize.devstack.service;
