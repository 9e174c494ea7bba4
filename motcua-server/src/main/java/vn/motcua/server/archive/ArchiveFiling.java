package vn.motcua.server.archive;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.office.LiveCatalogue;

/**
 * Gives the database the catalogue's retention period of every procedure version, which the filing trigger of
 * V201__archive_records.sql copies into the file record when a dossier is archived. Runs at start-up (and again whenever
 * the catalogue changes), so the database never files under an outdated retention.
 */
@Component
@Order(0)
public class ArchiveFiling implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final LiveCatalogue catalogue;

    public ArchiveFiling(JdbcClient jdbc, LiveCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync();
    }

    @Transactional
    public void sync() {
        catalogue.procedures().all().forEach(this::record);
    }

    /** Gives one version's retention to the database (also called by the catalogue administration, in its change). */
    public void record(Procedure p) {
        jdbc.sql("""
                        insert into archive_retention (procedure_code, procedure_version, retention_years, title_vi)
                        values (?, ?, ?, ?)
                        on conflict (procedure_code, procedure_version) do update
                          set retention_years = excluded.retention_years, title_vi = excluded.title_vi""")
                .params(p.nationalCode(), p.version(),
                        p.retention().years().isPresent() ? p.retention().years().getAsInt() : null, p.nameVi())
                .update();
    }
}
