package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.PageResponse;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Previous and next links under a list, keeping the list's filters; {@code previous} and {@code next} are
 * null on the first and last page; {@code pastTheEnd} when the page asked for is after the last one.
 */
record Pager(int page, long pages, long total, String previous, String next, boolean pastTheEnd) {

    /** Items per page on the dashboard's lists. */
    static final int PAGE_SIZE = 25;

    /**
     * @param path the list's path, e.g. {@code /conversations}
     * @param filters the list's filters as they were asked for (blank ones are left out of the links)
     */
    static Pager of(PageResponse<?> list, String path, Map<String, String> filters) {
        long pages = Math.max(1, (list.total() + list.pageSize() - 1) / list.pageSize());
        int page = list.page();
        return new Pager(
                page,
                pages,
                list.total(),
                // past the last page (an old link, a list that shrank): back to the last one
                page > 1 ? link(path, filters, (int) Math.min(page - 1, pages)) : null,
                page < pages ? link(path, filters, page + 1) : null,
                page > pages);
    }

    private static String link(String path, Map<String, String> filters, int page) {
        var uri = UriComponentsBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("page", page).encode().build().toUriString();
    }

    /** A page number from the request: 1 when missing or not a positive number. */
    static int number(String page) {
        try {
            return page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
