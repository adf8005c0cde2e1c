package com.dominusleads.host.client;

import com.dominusleads.host.config.HostConfig;
import com.dominusleads.host.domain.Tenant;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The tenants' identities in Keycloak, through its admin REST API as the {@code host-service} client's service
 * account (realm-management roles manage-users, view-users, query-users and manage-organizations only). Every operation is find-or-create, so
 * a provisioning interrupted at any step is finished by running it again. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class KeycloakDirectory {

    static final String REALM = "dominus";
    private static final int PAGE = 100;
    private static final List<String> FIRST_LOGIN_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final Keycloak keycloak;
    private final HostConfig config;

    public KeycloakDirectory(Keycloak keycloak, HostConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /** The organization of {@code tenantId} (its name and alias), created if missing; its id. */
    public String ensureOrganization(String tenantId, String displayName) {
        return findOrganization(tenantId).orElseGet(() -> {
            OrganizationRepresentation organization = new OrganizationRepresentation();
            organization.setName(tenantId);
            organization.setAlias(tenantId);
            organization.setDescription(displayName);
            organization.setEnabled(true);
            try (Response created = realm().organizations().create(organization)) {
                if (created.getStatus() == 201) {
                    return idFrom(created);
                }
                if (created.getStatus() == 409) {  // created by a concurrent attempt
                    return findOrganization(tenantId).orElseThrow(() -> failure("organization " + tenantId, created));
                }
                throw failure("organization " + tenantId, created);
            }
        });
    }

    /** By alias (the tenant id): the name is the tenant id too, but one created in the console may differ in case. */
    private Optional<String> findOrganization(String tenantId) {
        return realm().organizations().search(tenantId, false, 0, 50).stream()
                .filter(organization -> tenantId.equals(organization.getAlias()))
                .map(OrganizationRepresentation::getId).findFirst();
    }

    /**
     * The tenant's first admin: a user named after the e-mail, with the {@code tenant_id} attribute and the
     * tenant-admin role, who must set a password and verify the address at first login; created if missing. A user
     * of another tenant with that e-mail is a conflict (a user belongs to one tenant: the token carries one id).
     */
    public String ensureAdmin(String tenantId, Tenant.Admin admin) {
        RealmResource realm = realm();
        String userId = existingAdmin(realm, tenantId, admin.email())
                .orElseGet(() -> createAdmin(realm, tenantId, admin));
        // The roles the user may still get, as the account is allowed to map them (no view-realm needed to read it).
        var realmRoles = realm.users().get(userId).roles().realmLevel();
        List<RoleRepresentation> missing = realmRoles.listAvailable().stream()
                .filter(role -> Roles.TENANT_ADMIN.equals(role.getName())).toList();
        if (!missing.isEmpty()) {
            realmRoles.add(missing);
        }
        return userId;
    }

    /** Refuses (409) an e-mail that a user of another tenant, or a host operator, already has. */
    public void checkAdminAvailable(String tenantId, String email) {
        existingAdmin(realm(), tenantId, email);
    }

    private static Optional<String> existingAdmin(RealmResource realm, String tenantId, String email) {
        return realm.users().searchByEmail(email, true).stream().findFirst().map(existing -> {
            List<String> tenants = existing.getAttributes() == null ? null
                    : existing.getAttributes().get(Caller.TENANT_CLAIM);
            if (tenants == null || !tenants.contains(tenantId)) {
                throw new ApiException(409, "admin_email_taken", "A user with e-mail " + email
                        + " already exists outside tenant '" + tenantId + "': give this tenant's admin another e-mail.");
            }
            return existing.getId();
        });
    }

    private String createAdmin(RealmResource realm, String tenantId, Tenant.Admin admin) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(admin.email());
        user.setEmail(admin.email());
        user.setFirstName(admin.firstName());
        user.setLastName(admin.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of(Caller.TENANT_CLAIM, List.of(tenantId)));
        user.setRequiredActions(FIRST_LOGIN_ACTIONS);
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() == 201) {
                return idFrom(created);
            }
            if (created.getStatus() == 409) {
                return realm.users().searchByEmail(admin.email(), true).stream().findFirst()
                        .map(UserRepresentation::getId).orElseThrow(() -> failure("user " + admin.email(), created));
            }
            throw failure("user " + admin.email(), created);
        }
    }

    /** Makes the user a member of the organization (already one: nothing to do). */
    public void ensureMember(String organizationId, String userId) {
        try (Response added = realm().organizations().get(organizationId).members().addMember(userId)) {
            if (added.getStatus() != 201 && added.getStatus() != 204 && added.getStatus() != 409) {
                throw failure("membership of " + userId, added);
            }
        }
    }

    /** Keycloak e-mails the user a link to set a password and verify the address (through the realm's SMTP). */
    public void sendInvitation(String userId) {
        HostConfig.Invitation invitation = config.invitation();
        realm().users().get(userId).executeActionsEmail(invitation.clientId(), invitation.redirectUri(),
                (int) invitation.lifespan().toSeconds(), FIRST_LOGIN_ACTIONS);
    }

    /**
     * Removes the tenant's accounts (its organization's members, and every user carrying its tenant_id) and then the
     * organization: the purge at the end of a closed tenant's retention. Keycloak answers in pages, so each page is
     * read again after its users are gone, until none is left.
     */
    public void deleteIdentities(String tenantId) {
        RealmResource realm = realm();
        Optional<String> organization = findOrganization(tenantId);
        organization.ifPresent(organizationId -> deleteAll(realm, () -> realm.organizations().get(organizationId)
                .members().list(0, PAGE).stream().map(MemberRepresentation::getId).toList()));
        deleteAll(realm, () -> realm.users().searchByAttributes(0, PAGE, null, true,
                Caller.TENANT_CLAIM + ":" + tenantId).stream().map(UserRepresentation::getId).toList());
        organization.ifPresent(organizationId -> {
            try (Response deleted = realm.organizations().get(organizationId).delete()) {
                if (deleted.getStatus() != 204 && deleted.getStatus() != 404) {
                    throw failure("organization " + tenantId, deleted);
                }
            }
        });
    }

    private static void deleteAll(RealmResource realm, Supplier<List<String>> page) {
        for (List<String> users = page.get(); !users.isEmpty(); users = page.get()) {
            for (String userId : users) {
                try (Response deleted = realm.users().delete(userId)) {
                    if (deleted.getStatus() != 204 && deleted.getStatus() != 404) {
                        throw failure("deleting user " + userId, deleted);
                    }
                }
            }
        }
    }

    private RealmResource realm() {
        return keycloak.realm(REALM);
    }

    private static String idFrom(Response created) {
        String path = created.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static WebApplicationException failure(String what, Response response) {
        return new WebApplicationException("Keycloak refused " + what + ": HTTP " + response.getStatus(), response.getStatus());
    }
}
