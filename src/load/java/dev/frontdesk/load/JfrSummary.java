package dev.frontdesk.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a load run: where the Java samples are (the top frame's package, the
 * hottest methods, and how many samples have an area anywhere on their stack), and which exceptions are
 * thrown how often. Run with the JDK alone, no build needed:
 * {@code java src/load/java/dev/frontdesk/load/JfrSummary.java recording.jfr}
 */
public final class JfrSummary {

    /** Areas counted when any frame of a sample is in them (a sample may count in several). */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("H2 database", List.of("org.h2."));
        AREAS.put("PostgreSQL driver", List.of("org.postgresql."));
        AREAS.put("HikariCP", List.of("com.zaxxer.hikari."));
        AREAS.put(
                "jar/URL resource look-ups",
                List.of(
                        "java.net.URL.<init>",
                        "org.springframework.boot.loader.",
                        "jdk.internal.loader.",
                        "java.lang.ClassLoader.getResource",
                        "sun.net.www.protocol.jar."));
        AREAS.put(
                "embedding model (DJL/ONNX)", List.of("ai.djl.", "ai.onnxruntime.", "dev.langchain4j.model.embedding"));
        AREAS.put("Jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        AREAS.put("Spring MVC/Web", List.of("org.springframework.web."));
        AREAS.put("Spring JDBC/TX", List.of("org.springframework.jdbc.", "org.springframework.transaction."));
        AREAS.put("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        AREAS.put("twilio-java (TwiML, signatures)", List.of("com.twilio."));
        AREAS.put("logging", List.of("ch.qos.logback.", "org.slf4j."));
        AREAS.put("Micrometer", List.of("io.micrometer."));
        AREAS.put("frontdesk assistant", List.of("dev.frontdesk.assistant."));
        AREAS.put("frontdesk telephony", List.of("dev.frontdesk.telephony."));
        AREAS.put("frontdesk tenants", List.of("dev.frontdesk.tenants."));
        AREAS.put("frontdesk scheduling", List.of("dev.frontdesk.scheduling."));
        AREAS.put("frontdesk crm", List.of("dev.frontdesk.crm."));
        AREAS.put("db-scheduler", List.of("com.github.kagkarlsson."));
    }

    private JfrSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java JfrSummary.java recording.jfr");
            System.exit(2);
        }
        var topPackages = new HashMap<String, Integer>();
        var topMethods = new HashMap<String, Integer>();
        var areas = new HashMap<String, Integer>();
        var firstOutsideJdk = new HashMap<String, Integer>();
        var exceptions = new HashMap<String, Integer>();
        int samples = 0;
        int nativeSamples = 0;
        try (var file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.NativeMethodSample")) {
                    nativeSamples++;
                } else if (type.equals("jdk.JavaExceptionThrow") || type.equals("jdk.JavaErrorThrow")) {
                    var thrown = event.getClass("thrownClass");
                    RecordedStackTrace stack = event.getStackTrace();
                    String where = stack == null
                            ? "?"
                            : firstOutside(
                                    stack.getFrames(),
                                    "java.lang.Throwable",
                                    "java.lang.Exception",
                                    "java.lang.RuntimeException",
                                    "java.lang.Error");
                    exceptions.merge((thrown == null ? "?" : thrown.getName()) + " at " + where, 1, Integer::sum);
                } else if (type.equals("jdk.ExecutionSample")) {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    String top = name(frames.get(0));
                    topMethods.merge(top, 1, Integer::sum);
                    topPackages.merge(packageOf(frames.get(0)), 1, Integer::sum);
                    firstOutsideJdk.merge(owner(frames), 1, Integer::sum);
                    for (var area : AREAS.entrySet()) {
                        if (frames.stream()
                                .map(JfrSummary::name)
                                .anyMatch(f -> area.getValue().stream().anyMatch(f::startsWith))) {
                            areas.merge(area.getKey(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.printf("%d Java execution samples, %d native-method samples%n", samples, nativeSamples);
        print("Samples with the area anywhere on the stack", areas, samples, 30);
        print(
                "Each sample once, by its first frame outside the JDK (area, else package)",
                firstOutsideJdk,
                samples,
                25);
        print("Top frame by package (self)", topPackages, samples, 20);
        print("Top frame by method (self)", topMethods, samples, 25);
        print("Exceptions thrown (class at first frame outside the exception's constructors)", exceptions, -1, 12);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> System.out.printf(
                        "  %6d %s %s%n",
                        e.getValue(),
                        total > 0 ? String.format("%5.1f%%", 100.0 * e.getValue() / total) : "",
                        e.getKey()));
    }

    /**
     * Who a sample's time belongs to: the area (else the package) of its first frame that is not the JDK's, so
     * that a regular expression or a hash map look-up counts for the code that called it; a stack of JDK frames
     * alone is "JDK".
     */
    private static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                continue;
            }
            for (var area : AREAS.entrySet()) {
                if (area.getValue().stream().anyMatch(name::startsWith)) {
                    return area.getKey();
                }
            }
            return packageOf(frame);
        }
        return "JDK";
    }

    private static String name(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static String firstOutside(List<RecordedFrame> frames, String... prefixes) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (List.of(prefixes).stream().noneMatch(name::startsWith) && !name.endsWith(".<init>")) {
                return name;
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }
}
