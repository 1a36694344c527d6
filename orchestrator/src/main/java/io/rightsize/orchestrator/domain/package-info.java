/** Orders and tasks as the orchestrator tracks them: records and state enums. */
package io.rightsize.orchestrator.domain;
