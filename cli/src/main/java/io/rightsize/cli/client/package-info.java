/** gRPC access to the running services, for the commands. */
package io.rightsize.cli.client;
