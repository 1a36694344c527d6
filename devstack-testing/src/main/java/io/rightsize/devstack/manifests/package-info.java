/** The kustomize manifests under kubernetes/, read for the services' tests to check against their own code. */
package io.rightsize.devstack.manifests;
