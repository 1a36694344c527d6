/** Memory that follows the pixels an image task holds, for inputs larger than any a service has run on. */
package io.rightsize.allocation.size;
