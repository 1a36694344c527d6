/** A real PostgreSQL server from zonky binaries. */
package io.rightsize.devstack.postgres;
