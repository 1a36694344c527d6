/** Quarkus test resources that start the real servers for @QuarkusTest classes. */
package io.rightsize.devstack.testing;
