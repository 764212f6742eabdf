package dev.frontdesk.shared;

/**
 * Paging parameters: {@code page} is 1-based (default 1), {@code pageSize} defaults to 50 and may not
 * exceed 100.
 */
public record PageQuery(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 100;

    public PageQuery {
        if (page < 1) {
            throw FrontdeskException.badRequest("invalid-paging", "Invalid paging", "page must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw FrontdeskException.badRequest(
                    "invalid-paging", "Invalid paging", "pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Builds a query from optional request parameters, applying the defaults. */
    public static PageQuery of(Integer page, Integer pageSize) {
        return new PageQuery(page == null ? 1 : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }

    /** Rows to skip; a long, since {@code page × pageSize} does not fit an int for the largest pages. */
    public long offset() {
        return (page - 1L) * pageSize;
    }
}
