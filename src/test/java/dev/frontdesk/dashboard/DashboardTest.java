package dev.frontdesk.dashboard;

import dev.frontdesk.support.TestApi;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A dashboard test: the whole application through MockMvc (Spring Security's filters included), a
 * database of its own, and a clock pinned to Monday 23 November 2026, 08:00 in New York, that a test
 * may move (and sets back with {@link Dashboard#resetClock()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestApi.class, Dashboard.class, Dashboard.Clocks.class})
public @interface DashboardTest {}
