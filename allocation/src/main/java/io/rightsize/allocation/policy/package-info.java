/** The rules every allocation obeys whoever recommends it: bounds, the capacity they default to, retries after OOM. */
package io.rightsize.allocation.policy;
