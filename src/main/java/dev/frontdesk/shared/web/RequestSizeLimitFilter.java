package dev.frontdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code frontdesk.max-request-size} (64 KB by default) with a 413
 * problem, whether the size is announced in {@code Content-Length} or only discovered while reading. The
 * upload routes ({@code frontdesk.upload-paths}, e.g. the CSV lead import) take up to
 * {@code frontdesk.max-upload-size} (50 MB by default) instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Request attribute set when a body without a declared length turned out to be too large. */
    static final String BODY_TOO_LARGE = RequestSizeLimitFilter.class.getName() + ".TOO_LARGE";

    private final long maxBytes;
    private final long maxUploadBytes;
    private final java.util.Set<String> uploadPaths;

    RequestSizeLimitFilter(
            @Value("${frontdesk.max-request-size:64KB}") DataSize maxSize,
            @Value("${frontdesk.max-upload-size:50MB}") DataSize maxUploadSize,
            @Value("${frontdesk.upload-paths:}") java.util.List<String> uploadPaths) {
        this.maxBytes = maxSize.toBytes();
        this.maxUploadBytes = Math.max(maxBytes, maxUploadSize.toBytes());
        this.uploadPaths = java.util.Set.copyOf(uploadPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = uploadPaths.contains(request.getRequestURI()) ? maxUploadBytes : this.maxBytes;
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            reject(response, maxBytes);
            return;
        }
        if (length < 0 && isChunked(request)) {
            var limited = new LimitedRequest(request, maxBytes);
            try {
                chain.doFilter(limited, response);
            } catch (ServletException | RuntimeException e) {
                if (limited.exceeded && !response.isCommitted()) {
                    response.reset();
                    reject(response, maxBytes);
                    return;
                }
                throw e;
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }

    private static void reject(HttpServletResponse response, long maxBytes) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        response.getWriter()
                .write("{\"type\":\"https://frontdesk.dev/problems/payload-too-large\",\"title\":\"Request too large\","
                        + "\"status\":413,\"detail\":\"The request body is larger than the limit of " + maxBytes
                        + " bytes\"" + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}");
    }

    /** Stops reading once the limit is passed, so an endless chunked body cannot exhaust memory. */
    static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private boolean exceeded;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            exceeded = true;
                            setAttribute(BODY_TOO_LARGE, Boolean.TRUE);
                            throw new IOException("request body exceeds " + max + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
