/** gRPC access to the running services from outside Quarkus: channels, endpoints, order-file requests. */
package io.rightsize.client;
