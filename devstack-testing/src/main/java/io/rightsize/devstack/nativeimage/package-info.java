/** The services' native-image reflection registrations, checked by their tests since no native build runs there. */
package io.rightsize.devstack.nativeimage;
