/** The conversions between rightsize.v1 messages and our records, written once for every caller. */
package io.rightsize.client.mapping;
