/** The subcommands of ./rightsize. */
package io.rightsize.cli.command;
