package dev.frontdesk.dashboard.internal;

import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * CSV lead uploads (the CRM's import, as {@code POST /api/leads/upload}): the form, then the import's
 * page, whose progress bar htmx refreshes every second while the import is RUNNING, and which ends with
 * the counts and the rejected rows.
 */
@Controller
@RequestMapping("/customers")
class LeadUploadController implements DashboardPage {

    /** Rejected rows listed on the page; the CSV report of the API lists them all. */
    static final int ERRORS_SHOWN = 200;

    private final Tenants tenants;
    private final CustomerBook customers;

    LeadUploadController(Tenants tenants, CustomerBook customers) {
        this.tenants = tenants;
        this.customers = customers;
    }

    /** An import as its page shows it: about how many rows the file has (0 when unknown), the per cent read. */
    record Progress(CustomerBook.LeadImport lead, long expected, long percent, String started, String finished) {}

    @GetMapping("/import")
    ModelAndView form(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        return Pages.page("dashboard/lead-import", user, business);
    }

    @PostMapping("/import")
    ModelAndView upload(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        Business business = Pages.business(tenants, user);
        if (file == null || file.isEmpty()) {
            return problem(user, business, "Choose a CSV file to upload.");
        }
        Path saved = Files.createTempFile("frontdesk-leads-", ".csv");
        try {
            file.transferTo(saved);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(saved);
            throw e;
        }
        long expected = dataLines(saved);
        try {
            var started = customers.startLeadImport(business.id(), saved);
            return new ModelAndView("redirect:/customers/imports/" + started.id() + "?expected=" + expected);
        } catch (FrontdeskException e) {
            return problem(user, business, e.getMessage());
        }
    }

    @GetMapping("/imports/{id}")
    ModelAndView page(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String expected) {
        Business business = Pages.business(tenants, user);
        return Pages.page("dashboard/lead-import-status", user, business)
                .addObject("progress", progress(business, id, expected));
    }

    @GetMapping("/imports/{id}/status")
    ModelAndView status(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String expected) {
        Business business = Pages.business(tenants, user);
        return Pages.page("dashboard/lead-import-status :: status", user, business)
                .addObject("progress", progress(business, id, expected));
    }

    /**
     * Every rejected row of the import as a CSV download, the CRM's report (the same file as {@code GET
     * /api/leads/imports/{id}/errors}); another business's import is 404.
     */
    @GetMapping("/imports/{id}/errors.csv")
    void errors(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        Business business = Pages.business(tenants, user);
        UUID importId = ConversationsController.parse(id)
                .filter(found -> customers.leadImport(business.id(), found, 0).isPresent())
                .orElseThrow(() -> FrontdeskException.notFound("Lead import"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"lead-import-" + importId + "-rejected-rows.csv\"");
        customers.writeLeadImportErrors(business.id(), importId, response.getOutputStream());
    }

    private Progress progress(Business business, String id, String expected) {
        var found = ConversationsController.parse(id)
                .flatMap(importId -> customers.leadImport(business.id(), importId, ERRORS_SHOWN))
                .orElseThrow(() -> FrontdeskException.notFound("Lead import"));
        long rows;
        try {
            rows = expected == null ? 0 : Math.max(0, Long.parseLong(expected.strip()));
        } catch (NumberFormatException e) {
            rows = 0;
        }
        return new Progress(
                found,
                rows,
                rows <= 0 ? 0 : Math.min(100, 100 * found.rows() / rows),
                Views.dayAndTime(found.createdAt(), business.timezone()),
                found.finishedAt() == null ? null : Views.dayAndTime(found.finishedAt(), business.timezone()));
    }

    private static ModelAndView problem(SignedInUser user, Business business, String problem) {
        var view = Pages.page("dashboard/lead-import", user, business).addObject("problem", problem);
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }

    /** About how many data rows the file has: its lines less the header (a quoted line break counts too). */
    private static long dataLines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
        }
        if (last != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }
}
