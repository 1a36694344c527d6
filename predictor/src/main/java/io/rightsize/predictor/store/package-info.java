/** PostgreSQL reads of the predictor: training rows and per-service history. */
package io.rightsize.predictor.store;
