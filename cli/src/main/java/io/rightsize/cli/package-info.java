/** The ./rightsize command line. */
package io.rightsize.cli;
