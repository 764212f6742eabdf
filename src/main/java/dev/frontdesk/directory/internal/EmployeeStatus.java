package dev.frontdesk.directory.internal;

/** Whether an employee takes calls: only ACTIVE ones do (within their hours). */
enum EmployeeStatus {
    ACTIVE,
    AWAY,
    INACTIVE
}
