package dev.frontdesk.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** One page of a list, the same shape on every list endpoint. */
public record PageResponse<T>(
        List<T> items,

        @Schema(description = "Number of items across all pages", example = "1")
        long total,

        @Schema(description = "1-based page number", example = "1")
        int page,

        @Schema(description = "Items per page (max 100)", example = "50")
        int pageSize) {

    public static <T> PageResponse<T> of(List<T> items, long total, PageQuery query) {
        return new PageResponse<>(List.copyOf(items), total, query.page(), query.pageSize());
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), total, page, pageSize);
    }
}
