/**
 * Shared kernel used by every module: paging, problem details, phone numbers, secrets, clock and the
 * web plumbing (request ids, body size limits), and per-language wording files.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package dev.frontdesk.shared;

import org.springframework.modulith.ApplicationModule;
