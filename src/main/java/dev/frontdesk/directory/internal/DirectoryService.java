package dev.frontdesk.directory.internal;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.directory.DirectoryEvents;
import dev.frontdesk.directory.MessageReceipt;
import dev.frontdesk.directory.TransferTarget;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.messaging.NotificationSettings;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Routes callers to staff and takes messages for them.
 *
 * <p>Availability: an employee is available when ACTIVE and {@code now} (in the business's timezone,
 * not on one of its closed dates) falls inside their hours, or their department's when they have none,
 * or the business's when neither has. A department is available when it is open (its hours, or the
 * business's) and one of its employees is available; its transfer number is that employee's.
 */
@Service
class DirectoryService implements Directory {

    private static final Logger log = LoggerFactory.getLogger(DirectoryService.class);

    /** Words that ask for anybody: "a person", "someone", "the owner", "a human", "the manager". */
    private static final Set<String> GENERIC = Set.of(
            "person",
            "someone",
            "somebody",
            "anyone",
            "anybody",
            "human",
            "owner",
            "manager",
            "staff",
            "representative",
            "agent",
            "operator",
            "receptionist",
            "people",
            "employee");

    private final DirectoryRepository repository;
    private final Tenants tenants;
    private final Messages messages;
    private final OwnerNotifications ownerNotifications;
    private final Staff staff;

    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final org.springframework.transaction.support.TransactionTemplate writing;
    private final org.springframework.context.ApplicationEventPublisher events;

    DirectoryService(
            DirectoryRepository repository,
            Tenants tenants,
            Messages messages,
            OwnerNotifications ownerNotifications,
            Staff staff,
            org.springframework.transaction.PlatformTransactionManager transactions,
            org.springframework.context.ApplicationEventPublisher events) {
        this.ownerNotifications = ownerNotifications;
        this.events = events;
        this.writing = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.repository = repository;
        this.tenants = tenants;
        this.messages = messages;
        this.staff = staff;
    }

    /** The staff as stored, read once per turn ({@link TurnReads}): a turn may ask about them several times. */
    private record StaffOf(BusinessId business) {}

    private record StaffLists(List<Department> departments, List<Employee> employees) {}

    private Roster roster(Business business, Instant now) {
        StaffLists staff = TurnReads.get(
                new StaffOf(business.id()),
                () -> readOnly.execute(tx ->
                        new StaffLists(repository.departments(business.id()), repository.employees(business.id()))));
        return new Roster(business, staff.departments(), staff.employees(), now);
    }

    @Override
    public boolean isEmployee(BusinessId business, String employeeId) {
        try {
            return employeeId != null
                    && repository
                            .employee(business, UUID.fromString(employeeId.trim()))
                            .isPresent();
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    @Override
    public Optional<TransferTarget> whoCanTakeACall(BusinessId business, String request, Instant now) {
        Optional<Business> found = tenants.find(business);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var roster = roster(found.get(), now);
        List<String> words = Words.of(request);

        List<Employee> named = roster.named(words);
        if (!named.isEmpty()) {
            return named.stream().filter(roster::available).findFirst().map(Roster::target);
        }
        Optional<Department> department = roster.department(words);
        if (department.isPresent()) {
            return roster.availableIn(department.get()).map(e -> roster.target(department.get(), e));
        }
        if (words.stream().anyMatch(GENERIC::contains)) {
            for (Department d : roster.byPriority()) {
                Optional<Employee> taker = roster.availableIn(d);
                if (taker.isPresent()) {
                    return Optional.of(roster.target(d, taker.get()));
                }
            }
            return roster.employees.stream()
                    .filter(roster::available)
                    .findFirst()
                    .map(Roster::target);
        }
        return Optional.empty();
    }

    @Override
    public boolean namesStaff(BusinessId business, String request) {
        Optional<Business> found = tenants.find(business);
        if (found.isEmpty() || request == null) {
            return false;
        }
        var roster = roster(found.get(), null);
        List<String> words = Words.of(request);
        return !roster.named(words).isEmpty() || roster.department(words).isPresent();
    }

    @Override
    public MessageReceipt leaveMessage(
            BusinessId business, String forWhom, String callerName, String callerPhone, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs some text");
        }
        Business owner = tenants.find(business).orElseThrow(() -> new IllegalArgumentException("unknown business"));
        var roster = roster(owner, null);
        List<String> words = Words.of(forWhom);

        Employee employee = null;
        Department department = null;
        List<Employee> named = roster.named(words);
        if (!named.isEmpty()) {
            employee = named.stream()
                    .filter(e -> e.status() != EmployeeStatus.INACTIVE)
                    .findFirst()
                    .orElse(named.getFirst());
        } else {
            department = roster.department(words).orElse(null);
        }

        String caller = clip(callerName, 200);
        String phone = callerPhone == null
                ? null
                : PhoneNumber.parseLenient(
                                callerPhone, owner.ownerPhone().region().orElse("US"))
                        .map(PhoneNumber::e164)
                        .orElse(null);
        String body = clip(text.strip(), 2000);
        var message = new StaffMessage(
                UUID.randomUUID(),
                business,
                employee == null ? null : employee.id(),
                null,
                department == null ? null : department.id(),
                null,
                caller,
                phone,
                body,
                StaffMessage.FAILED,
                staff.now());
        repository.insert(message);

        // who gets it: the employee, the department's staff (the owner when it has none), or the owner
        Map<String, String> smsTo = new LinkedHashMap<>();
        Map<String, String> emailTo = new LinkedHashMap<>();
        String recipientName;
        String kind;
        if (employee != null) {
            recipientName = employee.name();
            kind = TransferTarget.EMPLOYEE;
            smsTo.put(employee.phone(), employee.name());
            if (employee.email() != null) {
                emailTo.put(employee.email(), employee.name());
            }
        } else if (department != null) {
            recipientName = department.name();
            kind = TransferTarget.DEPARTMENT;
            UUID id = department.id();
            for (Employee e : roster.employees) {
                if (id.equals(e.departmentId()) && e.status() != EmployeeStatus.INACTIVE) {
                    smsTo.putIfAbsent(e.phone(), e.name());
                    if (e.email() != null) {
                        emailTo.putIfAbsent(e.email(), e.name());
                    }
                }
            }
        } else {
            recipientName = owner.name();
            kind = "OWNER";
        }
        String from = (caller == null ? "a caller" : caller) + (phone == null ? "" : " (" + phone + ")");
        String sms = "Message for " + recipientName + " from " + from + ": " + body;
        boolean delivered = false;
        if (smsTo.isEmpty()) {
            // the owner's copy goes the way the owner chose; a choice of none leaves it on the dashboard
            var choice = ownerNotifications.settings(business).of(NotificationSettings.OwnerEvent.MESSAGE_TAKEN);
            delivered = ownerNotifications.notifyOwner(business, NotificationSettings.OwnerEvent.MESSAGE_TAKEN, sms)
                    || choice == NotificationSettings.NotifyBy.NONE;
        }
        for (String to : smsTo.keySet()) {
            try {
                messages.sendSms(business, new PhoneNumber(to), sms, Messages.Purpose.OWNER_ALERT);
                delivered = true;
            } catch (RuntimeException e) {
                log.warn("A staff message could not be sent by SMS", e);
            }
        }
        emailTo.forEach((address, name) -> {
            try {
                messages.sendEmail(business, new Messages.Email(address, name, "Message from " + from, sms, List.of()));
            } catch (RuntimeException e) {
                log.warn("A staff message could not be sent by email", e);
            }
        });
        String status = delivered ? StaffMessage.DELIVERED : StaffMessage.FAILED;
        UUID recipientId = employee != null ? employee.id() : department != null ? department.id() : null;
        // the status and the event in one transaction, so the event is published exactly when the status is
        writing.executeWithoutResult(tx -> {
            repository.setStatus(business, message.id(), status);
            events.publishEvent(new DirectoryEvents.MessageTaken(
                    business, message.id(), kind, recipientId, status, phone, message.createdAt()));
        });
        log.info("Message {} for a {} taken: {}", message.id(), kind, status);
        return new MessageReceipt(message.id(), recipientName, kind, status);
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    @Override
    public List<OpenMessage> openMessages(BusinessId business, int limit) {
        return repository.openMessages(business, Math.max(1, Math.min(limit, 100))).stream()
                .map(DirectoryService::open)
                .toList();
    }

    @Override
    public List<OpenMessage> messagesFrom(BusinessId business, String callerPhone, int limit) {
        return repository.messagesFrom(business, callerPhone, Math.max(1, Math.min(limit, 500))).stream()
                .map(DirectoryService::open)
                .toList();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public int forgetCaller(BusinessId business, String callerPhone) {
        return repository.forgetCaller(business, callerPhone);
    }

    private static OpenMessage open(StaffMessage m) {
        return new OpenMessage(
                m.id(),
                m.employeeName() != null ? m.employeeName() : m.departmentName(),
                m.callerName(),
                m.callerPhone(),
                m.text(),
                m.status(),
                m.createdAt());
    }

    @Override
    public long countOpenMessages(BusinessId business) {
        return repository.countOpenMessages(business);
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public dev.frontdesk.shared.PageResponse<OpenMessage> messages(
            BusinessId business, boolean handled, dev.frontdesk.shared.PageQuery page) {
        return dev.frontdesk.shared.PageResponse.of(
                repository.messages(business, handled, page).stream()
                        .map(DirectoryService::open)
                        .toList(),
                repository.countMessages(business, handled),
                page);
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean markHandled(BusinessId business, UUID message) {
        return repository.setStatus(business, message, StaffMessage.DONE);
    }

    @Override
    public StaffList staff(BusinessId business, Instant now) {
        Optional<Business> found = tenants.find(business);
        if (found.isEmpty()) {
            return new StaffList(List.of(), List.of());
        }
        Roster roster = readOnly.execute(
                tx -> new Roster(found.get(), repository.departments(business), repository.employees(business), now));
        return new StaffList(
                roster.departments.stream()
                        .sorted(Comparator.comparing(Department::name, String.CASE_INSENSITIVE_ORDER))
                        .map(d -> new DepartmentEntry(
                                d.id(),
                                d.name(),
                                d.description(),
                                roster.availableIn(d).isPresent()))
                        .toList(),
                roster.employees.stream()
                        .sorted(Comparator.comparing(Employee::name, String.CASE_INSENSITIVE_ORDER))
                        .map(e -> new StaffMember(
                                e.id(),
                                e.name(),
                                e.departmentName(),
                                e.roles(),
                                e.status().name(),
                                roster.available(e)))
                        .toList());
    }
}
