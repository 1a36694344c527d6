/** A real single-node KRaft broker started in-process. */
package io.rightsize.devstack.kafka;
