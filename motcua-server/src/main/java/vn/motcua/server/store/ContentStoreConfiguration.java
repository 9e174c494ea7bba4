package vn.motcua.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;

/** The embedded mode's content store, and its clean-up at start. */
@Configuration(proxyBeanMethods = false)
public class ContentStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ContentStoreConfiguration.class);

    @Bean
    ContentStore contentStore(@Value("${motcua.store.root:data/content}") String root,
                              @Value("${motcua.store.force-to-disk:true}") boolean force) throws IOException {
        return new FileSystemContentStore(Path.of(root), force);
    }

    /**
     * Files are written before the reception transaction commits; a crash or a rollback in between leaves a file no row
     * references. At start, before any request is served, such files and any temporary leftovers are removed.
     */
    @Bean
    @Order(2)
    ApplicationRunner removeOrphanContent(ContentStore store, JdbcClient jdbc) {
        return args -> {
            var referenced = new HashSet<>(jdbc.sql("select distinct sha256 from document").query(String.class).list());
            int removed = store.deleteUnreferenced(referenced);
            if (removed > 0) {
                log.info("Removed {} stored file(s) that no document references (interrupted receptions)", removed);
            }
        };
    }
}
