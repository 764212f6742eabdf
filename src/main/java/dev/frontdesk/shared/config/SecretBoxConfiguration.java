package dev.frontdesk.shared.config;

import dev.frontdesk.shared.SecretBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts stored third-party credentials: {@code FRONTDESK_SECRET_KEY} (base64, 32
 * bytes). Without it, a key is generated once into {@code FRONTDESK_DATA_DIR/secret.key} (readable by
 * the owner only), which suits a single machine; production sets the variable.
 */
@Configuration(proxyBeanMethods = false)
class SecretBoxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretBoxConfiguration.class);

    @Bean
    SecretBox secretBox(
            @Value("${frontdesk.secret-key:}") String configured, @Value("${FRONTDESK_DATA_DIR:./data}") String dataDir)
            throws IOException {
        if (configured != null && !configured.isBlank()) {
            return SecretBox.fromBase64(configured);
        }
        Path file = Path.of(dataDir, "secret.key");
        if (Files.exists(file)) {
            return SecretBox.fromBase64(Files.readString(file));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, SecretBox.newKeyBase64());
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        log.warn(
                "FRONTDESK_SECRET_KEY is not set: generated {} to encrypt stored credentials; set the variable"
                        + " in production and keep it safe",
                file.toAbsolutePath());
        return SecretBox.fromBase64(Files.readString(file));
    }
}
