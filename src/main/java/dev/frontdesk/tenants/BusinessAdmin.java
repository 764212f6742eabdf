package dev.frontdesk.tenants;

import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import java.util.List;

/**
 * The operator's work on businesses for the dashboard's operator pages, with the same rules as the admin API
 * ({@code /api/admin/businesses}): create, list, suspend, activate and re-key. Every change is audited as the
 * operator's ({@code admin}).
 */
public interface BusinessAdmin {

    /** Whether this is the operator key ({@code FRONTDESK_ADMIN_KEY} or the generated one); compared in constant time. */
    boolean isOperatorKey(String presented);

    /** Every business, in any status, oldest first. */
    PageResponse<Business> list(PageQuery page);

    /**
     * A new business as the create form gives it; the others (services, hours, settings) take the API's
     * defaults. {@code phoneNumbers} are E.164 numbers.
     */
    record NewBusiness(
            String name,
            String timezone,
            List<String> phoneNumbers,
            String ownerPhone,
            String ownerEmail,
            String defaultLanguage) {}

    /**
     * What creating gave: the business and its API key and widget token in clear text (show them once), or the
     * fields refused, by the admin API's field names ({@code name}, {@code phoneNumbers[0]}), and nothing created.
     */
    record Created(Business business, String apiKey, String widgetToken, List<FieldError> errors) {

        public boolean created() {
            return business != null;
        }

        @Override
        public String toString() {
            return "Created[business=" + (business == null ? null : business.id()) + ", errors=" + errors + "]";
        }
    }

    Created create(NewBusiness business);

    /** Suspends the business (its API key gets 403, its users cannot sign in); 404 problem for an unknown id. */
    Business suspend(BusinessId business);

    /** Activates a suspended business again; 404 problem for an unknown id. */
    Business activate(BusinessId business);

    /** A new API key for the business; the old one stops working at once. */
    BusinessEditor.Issued rotateApiKey(BusinessId business);

    /** A new widget token for the business; the old one stops working at once (its chat page is 404). */
    BusinessEditor.Issued rotateWidgetToken(BusinessId business);
}
