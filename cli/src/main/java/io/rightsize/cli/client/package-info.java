/** Where the commands find the services: the stack's endpoints and the options that override them. */
package io.rightsize.cli.client;
