package vn.motcua.server.office;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.domain.office.Office;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies the office directory in force into the office table at start (and {@link OfficeAdmin} each change), parents
 * first, so users and dossiers can reference offices.
 * Offices are never deleted: old dossiers keep the office they were received under.
 */
@Component
@Order(1)
public class OfficeSync implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final LiveCatalogue live;

    public OfficeSync(JdbcClient jdbc, LiveCatalogue live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Office> pending = new ArrayList<>(live.offices().all());
        Set<String> done = new HashSet<>();
        while (!pending.isEmpty()) {
            Office next = pending.stream()
                    .filter(o -> o.parentId().map(done::contains).orElse(true))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("office directory has a cycle"));
            upsert(next);
            done.add(next.id());
            pending.remove(next);
        }
    }

    void upsert(Office o) {
        jdbc.sql("""
                        insert into office (id, agency_code, level, parent_id, name_vi, name_en, valid_from, valid_until)
                        values (:id, :agency, :level, :parent, :vi, :en, :from, :until)
                        on conflict (id) do update set agency_code = excluded.agency_code, level = excluded.level,
                          parent_id = excluded.parent_id, name_vi = excluded.name_vi, name_en = excluded.name_en,
                          valid_from = excluded.valid_from, valid_until = excluded.valid_until""")
                .param("id", o.id())
                .param("agency", o.agencyCode().value())
                .param("level", o.level().name())
                .param("parent", o.parentId().orElse(null))
                .param("vi", o.nameVi())
                .param("en", o.nameEn())
                .param("from", o.validFrom().orElse(null))
                .param("until", o.validUntil().orElse(null))
                .update();
    }
}
