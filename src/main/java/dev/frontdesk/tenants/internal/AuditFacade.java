package dev.frontdesk.tenants.internal;

import dev.frontdesk.tenants.Audit;
import dev.frontdesk.tenants.BusinessId;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@Service
class AuditFacade implements Audit {

    private final AuditTrail trail;

    AuditFacade(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void record(BusinessId business, String action, String details) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object prefix = request == null
                ? null
                : request.getAttribute(TenantsWebConfiguration.KEY_PREFIX_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        trail.record(business, prefix instanceof String p ? Actor.apiKey(p) : Actor.system(), action, details);
    }
}
