package dev.frontdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Frontdesk: an AI receptionist and outbound meeting scheduler for small businesses. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FrontdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(FrontdeskApplication.class, args);
    }
}
