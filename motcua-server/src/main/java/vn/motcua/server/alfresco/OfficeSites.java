package vn.motcua.server.alfresco;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.Role;
import vn.motcua.server.alfresco.AlfrescoClient.Credentials;
import vn.motcua.server.alfresco.DossierMirror.Folder;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One private Alfresco site per office ({@code mc-<office id>}), one group per role ({@code GROUP_MC_<office id>_<ROLE>})
 * as a site member with a site role, and the three folders of its document library. Every step tolerates "already exists",
 * so provisioning may run again after a partial failure; the result is remembered in {@code alfresco_site}.
 */
public class OfficeSites {

    private static final Logger log = LoggerFactory.getLogger(OfficeSites.class);
    private static final String GROUP_PREFIX = "GROUP_MC_";

    private final AlfrescoClient alfresco;
    private final Credentials service;
    private final JdbcClient jdbc;
    private final Map<Folder, String> folderNames;

    /** An office's provisioned site. */
    public record Site(String officeId, String siteId, Map<Folder, String> folders) {
    }

    public OfficeSites(AlfrescoClient alfresco, Credentials service, JdbcClient jdbc, Map<Folder, String> folderNames) {
        this.alfresco = alfresco;
        this.service = service;
        this.jdbc = jdbc;
        this.folderNames = Map.copyOf(folderNames);
    }

    public static String siteId(String officeId) {
        return "mc-" + officeId;
    }

    public static String groupId(String officeId, Role role) {
        return GROUP_PREFIX + officeId + "_" + role.name();
    }

    /** The office and role a group id names, if it is one of ours; the office id may itself contain underscores. */
    public static Optional<Map.Entry<String, Role>> parseGroup(String groupId) {
        if (!groupId.startsWith(GROUP_PREFIX)) {
            return Optional.empty();
        }
        int cut = groupId.lastIndexOf('_');
        if (cut <= GROUP_PREFIX.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.entry(groupId.substring(GROUP_PREFIX.length(), cut),
                    Role.valueOf(groupId.substring(cut + 1))));
        } catch (IllegalArgumentException notARole) {
            return Optional.empty();
        }
    }

    static String siteRole(Role role) {
        return switch (role) {
            case RECEPTION -> "SiteContributor";
            case SPECIALIST, LEADER -> "SiteCollaborator";
            case ARCHIVIST, ADMIN -> "SiteManager";
        };
    }

    /** The office's site, provisioning it first if this server has not done so yet. */
    public Site ensure(Office office) {
        Optional<Site> known = find(office.id());
        if (known.isPresent()) {
            return known.get();
        }
        String site = siteId(office.id());
        alfresco.createSite(service, site, office.nameVi(), office.nameEn() + " (" + office.agencyCode().value() + ")");
        for (Role role : Role.values()) {
            String group = groupId(office.id(), role);
            alfresco.createGroup(service, group, office.nameVi() + " / " + role.name().toLowerCase(Locale.ROOT));
            alfresco.addSiteGroup(service, site, group, siteRole(role));
        }
        String library = alfresco.siteContainer(service, site, "documentLibrary");
        Map<Folder, String> folders = new EnumMap<>(Folder.class);
        for (Folder f : Folder.values()) {
            folders.put(f, folder(library, folderNames.get(f)));
        }
        jdbc.sql("""
                        insert into alfresco_site (office_id, site_id, reception_folder, processing_folder, archive_folder)
                        values (?, ?, ?, ?, ?) on conflict (office_id) do nothing""")
                .params(office.id(), site, folders.get(Folder.RECEPTION), folders.get(Folder.PROCESSING),
                        folders.get(Folder.ARCHIVE))
                .update();
        log.info("Alfresco site {} provisioned for office {}", site, office.id());
        return new Site(office.id(), site, folders);
    }

    public Optional<Site> find(String officeId) {
        return jdbc.sql("select site_id, reception_folder, processing_folder, archive_folder from alfresco_site where office_id = ?")
                .param(officeId)
                .query((rs, i) -> {
                    Map<Folder, String> folders = new EnumMap<>(Folder.class);
                    folders.put(Folder.RECEPTION, rs.getString(2));
                    folders.put(Folder.PROCESSING, rs.getString(3));
                    folders.put(Folder.ARCHIVE, rs.getString(4));
                    return new Site(officeId, rs.getString(1), folders);
                })
                .optional();
    }

    private String folder(String library, String name) {
        return alfresco.node(service, library, name).map(AlfrescoClient.Node::id).orElseGet(() -> {
            try {
                return alfresco.createNode(service, library, name, "cm:folder", java.util.List.of(), Map.of()).id();
            } catch (AlfrescoException e) {
                if (e.status() == 409) {
                    // Another server instance created it in between.
                    return alfresco.node(service, library, name).orElseThrow(() -> e).id();
                }
                throw e;
            }
        });
    }
}
