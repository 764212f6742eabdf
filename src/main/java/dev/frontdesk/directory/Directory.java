package dev.frontdesk.directory;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.Optional;

/** The directory module's API: routing a caller to staff, and taking messages for them. */
public interface Directory {

    /**
     * Who can take a call now, from the caller's own words: an employee named in them ("Sam", "Sam
     * Lee"), else a department named in them ("billing"), else, for a generic request ("a person",
     * "someone", "the owner"), the open department with the highest routing priority or any available
     * employee. Words match case- and accent-insensitively. Empty when the one asked for is not available
     * (away, inactive, outside their hours in the business's timezone) or nobody matches.
     */
    Optional<TransferTarget> whoCanTakeACall(BusinessId business, String request, Instant now);

    /** Whether the caller's words name an employee or a department of the business, available or not. */
    boolean namesStaff(BusinessId business, String words);

    /** Whether {@code employeeId} is one of this business's employees (an appointment's staff member). */
    boolean isEmployee(BusinessId business, String employeeId);

    /**
     * Stores a message for the employee or department named in {@code forWhom} (the owner when nobody
     * matches or it is null) and delivers it by SMS, and by email when an address is known.
     *
     * @param callerPhone the caller's number in any common form, or null when unknown
     * @throws IllegalArgumentException when the text is blank or the business is unknown
     */
    MessageReceipt leaveMessage(
            BusinessId business, String forWhom, String callerName, String callerPhone, String text);

    /** Messages for staff not marked DONE yet, newest first, at most {@code limit}. */
    java.util.List<OpenMessage> openMessages(BusinessId business, int limit);

    /** Messages left by the caller with this number (E.164), in any status, newest first, at most {@code limit}. */
    java.util.List<OpenMessage> messagesFrom(BusinessId business, String callerPhone, int limit);

    /** Erases the caller's name, number and words from the messages they left; returns how many changed. */
    int forgetCaller(BusinessId business, String callerPhone);

    /** How many messages for staff are not marked DONE yet. */
    long countOpenMessages(BusinessId business);

    /**
     * Messages for staff, newest first: the handled ones (marked DONE) or the others (open).
     */
    dev.frontdesk.shared.PageResponse<OpenMessage> messages(
            BusinessId business, boolean handled, dev.frontdesk.shared.PageQuery page);

    /** Marks the business's message DONE, as {@code PATCH /api/messages/{id}} does; false when it has none such. */
    boolean markHandled(BusinessId business, java.util.UUID message);

    /** The staff directory as it stands at {@code now}: departments and employees, and who is available. */
    StaffList staff(BusinessId business, Instant now);

    /** Departments (by name) and employees (by name). */
    record StaffList(java.util.List<DepartmentEntry> departments, java.util.List<StaffMember> employees) {}

    /** A department; {@code openNow}: within its hours (or the business's) and an employee of it is available. */
    record DepartmentEntry(java.util.UUID id, String name, String description, boolean openNow) {}

    /**
     * An employee; {@code status} is ACTIVE, AWAY or INACTIVE; {@code availableNow} whether a call would be put
     * through to them now (active, within their hours).
     */
    record StaffMember(
            java.util.UUID id,
            String name,
            String department,
            java.util.List<String> roles,
            String status,
            boolean availableNow) {}

    /** A message still to be dealt with; {@code forWhom} is the employee's or department's name, null for the owner. */
    record OpenMessage(
            java.util.UUID id,
            String forWhom,
            String callerName,
            String callerPhone,
            String text,
            String status,
            Instant createdAt) {}
}
