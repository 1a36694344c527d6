/** The demo: the sample orders end to end on the embedded stack. */
package io.rightsize.cli.demo;
