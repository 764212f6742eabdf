package dev.frontdesk.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.frontdesk.messaging.Messages.Attachment;
import dev.frontdesk.messaging.Messages.Email;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.tenants.BusinessId;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With FRONTDESK_EMAIL=smtp, email goes out over SMTP (GreenMail here), attachments included. */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.messaging.email=smtp",
            "frontdesk.messaging.email-from=bookings@frontdesk.example",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025"
        })
class EmailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Messages messages;

    @Autowired
    TestApi api;

    @Test
    void anEmailWithACalendarInviteReachesTheSmtpServer() throws Exception {
        var business = BusinessId.parse(api.createBusiness("Mailer").id()).orElseThrow();
        messages.sendEmail(
                business,
                new Email(
                        "dana@example.com",
                        "Dana Smith",
                        "Your appointment on Tuesday",
                        "See you Tuesday at 10:00 AM.",
                        List.of(new Attachment(
                                "invite.ics", "text/calendar; charset=UTF-8; method=REQUEST", "BEGIN:VCALENDAR\r\n"))));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Your appointment on Tuesday");
        assertThat(message.getFrom()[0].toString()).isEqualTo("bookings@frontdesk.example");
        assertThat(message.getAllRecipients()[0].toString()).contains("dana@example.com");
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw)
                .contains("See you Tuesday at 10:00 AM.")
                .contains("text/calendar")
                .contains("method=REQUEST");
        var multipart = (MimeMultipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(multipart.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
    }
}
