/** JSON mapping shared by every module. */
package io.rightsize.common.json;
