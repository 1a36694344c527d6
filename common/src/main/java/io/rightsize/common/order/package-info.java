/** Orders: parsing order files, and the validation that refuses a bad order before anything starts. */
package io.rightsize.common.order;
