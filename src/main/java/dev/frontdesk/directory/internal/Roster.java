package dev.frontdesk.directory.internal;

import dev.frontdesk.directory.TransferTarget;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** One business's staff at one moment. */
final class Roster {

    private final Business business;
    final List<Department> departments;
    final List<Employee> employees;
    private final Map<UUID, Department> byId = new LinkedHashMap<>();
    private final Instant now;

    Roster(Business business, List<Department> departments, List<Employee> employees, Instant now) {
        this.business = business;
        this.departments = departments;
        this.employees = employees;
        this.now = now;
        departments.forEach(d -> byId.put(d.id(), d));
    }

    /** Employees named in the words: full names first, then by first name, then by last name. */
    List<Employee> named(List<String> words) {
        for (Predicate<List<String>> match : List.<Predicate<List<String>>>of(
                name -> name.size() > 1 && Words.containsPhrase(words, name),
                name -> Words.containsPhrase(words, name.subList(0, 1)),
                name -> name.size() > 1 && Words.containsPhrase(words, name.subList(name.size() - 1, name.size())))) {
            List<Employee> found = new ArrayList<>();
            for (Employee e : employees) {
                List<String> name = Words.of(e.name());
                if (!name.isEmpty() && match.test(name)) {
                    found.add(e);
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** The department named in the words, the longest name winning. */
    Optional<Department> department(List<String> words) {
        return departments.stream()
                .filter(d -> Words.mentions(words, Words.of(d.name())))
                .max(Comparator.comparingInt(d -> Words.of(d.name()).size()));
    }

    List<Department> byPriority() {
        return departments.stream()
                .sorted(Comparator.comparingInt(Department::routingPriority)
                        .reversed()
                        .thenComparing(Department::createdAt))
                .toList();
    }

    boolean available(Employee e) {
        if (e.status() != EmployeeStatus.ACTIVE || closedToday()) {
            return false;
        }
        Department d = e.departmentId() == null ? null : byId.get(e.departmentId());
        WeeklyHours hours =
                e.hours() != null ? e.hours() : d != null && d.hours() != null ? d.hours() : business.hours();
        return Hours.openAt(hours, business.timezone(), now);
    }

    boolean open(Department d) {
        WeeklyHours hours = d.hours() != null ? d.hours() : business.hours();
        return !closedToday() && Hours.openAt(hours, business.timezone(), now);
    }

    Optional<Employee> availableIn(Department d) {
        if (!open(d)) {
            return Optional.empty();
        }
        return employees.stream()
                .filter(e -> d.id().equals(e.departmentId()))
                .filter(this::available)
                .findFirst();
    }

    private boolean closedToday() {
        return business.closedDates().contains(now.atZone(business.timezone()).toLocalDate());
    }

    static TransferTarget target(Employee e) {
        return new TransferTarget(e.name(), e.phone(), TransferTarget.EMPLOYEE);
    }

    TransferTarget target(Department d, Employee e) {
        return new TransferTarget(d.name(), e.phone(), TransferTarget.DEPARTMENT);
    }
}
