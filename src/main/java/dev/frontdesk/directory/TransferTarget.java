package dev.frontdesk.directory;

/**
 * Where to transfer a call.
 *
 * @param name the employee's or department's name, to tell the caller
 * @param phone the number to dial, E.164 (for a department, one of its available employees)
 * @param kind {@link #EMPLOYEE} or {@link #DEPARTMENT}
 */
public record TransferTarget(String name, String phone, String kind) {

    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String DEPARTMENT = "DEPARTMENT";
}
