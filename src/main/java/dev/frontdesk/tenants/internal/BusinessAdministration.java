package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessAdmin;
import dev.frontdesk.tenants.BusinessEditor;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.BusinessStatus;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * {@link BusinessAdmin} for the operator pages: the admin API's {@link BusinessService} calls with the
 * operator as the actor, the request built as {@code POST /api/admin/businesses} would receive it.
 */
@Service
class BusinessAdministration implements BusinessAdmin {

    private final BusinessService businesses;
    private final AdminKeys adminKeys;

    BusinessAdministration(BusinessService businesses, AdminKeys adminKeys) {
        this.businesses = businesses;
        this.adminKeys = adminKeys;
    }

    @Override
    public boolean isOperatorKey(String presented) {
        return adminKeys.matches(presented);
    }

    @Override
    public PageResponse<Business> list(PageQuery page) {
        return businesses.list(null, page).map(BusinessEntity::business);
    }

    @Override
    public Created create(NewBusiness business) {
        var request = new BusinessRequest(
                business.name(),
                business.timezone(),
                business.phoneNumbers(),
                blankAsNull(business.ownerPhone()),
                blankAsNull(business.ownerEmail()),
                null,
                null,
                null,
                null,
                blankAsNull(business.defaultLanguage()),
                null,
                null);
        try {
            var created = businesses.create(request, Actor.admin());
            return new Created(created.entity().business(), created.apiKey(), created.widgetToken(), List.of());
        } catch (FrontdeskException e) {
            if ("validation".equals(e.type())) {
                return new Created(null, null, null, errors(e));
            }
            if ("phone-number-taken".equals(e.type())) {
                return new Created(
                        null, null, null, List.of(new FieldError("phoneNumbers", "are in use: " + e.getMessage())));
            }
            throw e;
        }
    }

    @Override
    public Business suspend(BusinessId business) {
        return businesses
                .setStatus(business, BusinessStatus.SUSPENDED, Actor.admin())
                .business();
    }

    @Override
    public Business activate(BusinessId business) {
        return businesses
                .setStatus(business, BusinessStatus.ACTIVE, Actor.admin())
                .business();
    }

    @Override
    public BusinessEditor.Issued rotateApiKey(BusinessId business) {
        var key = businesses.rotateApiKey(business, Actor.admin());
        return new BusinessEditor.Issued(key.plain(), key.prefix());
    }

    @Override
    public BusinessEditor.Issued rotateWidgetToken(BusinessId business) {
        var token = businesses.rotateWidgetToken(business, Actor.admin());
        return new BusinessEditor.Issued(token.plain(), token.prefix());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(FrontdeskException e) {
        var properties = e.toProblem().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
    }
}
