package vn.motcua.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, the server starts its own PostgreSQL with the
 * data under {@code motcua.database.data-dir} (./data/postgres) and Spring Boot's own DataSource configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${motcua.database.data-dir:data/postgres}") String dataDir,
                                      @Value("${motcua.database.os-user:nobody}") String osUser,
                                      @Value("${motcua.database.clean-on-start:false}") boolean clean) throws IOException {
        Path dir = Path.of(dataDir);
        if (clean) {
            // Only the test configuration asks for this; the default keeps the data across restarts.
            FileSystemUtils.deleteRecursively(dir);
        }
        return EmbeddedPostgres.start(dir, osUser);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres,
                                @Value("${motcua.database.name:motcua}") String name,
                                @Value("${motcua.database.pool-size:20}") int poolSize) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(name));
        config.setUsername(postgres.username());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("motcua-embedded");
        return new HikariDataSource(config);
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
