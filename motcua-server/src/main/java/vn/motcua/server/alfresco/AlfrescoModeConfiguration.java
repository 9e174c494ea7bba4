package vn.motcua.server.alfresco;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.server.alfresco.DossierMirror.Folder;
import org.springframework.core.annotation.Order;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.motcua.extraction.Limits;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.store.ContentStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The Alfresco mode, active only with {@code motcua.store=alfresco}: the embedded default never creates any of these beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.store", havingValue = "alfresco")
@PropertySource(value = "classpath:alfresco-mode/alfresco.properties", encoding = "UTF-8")
public class AlfrescoModeConfiguration {

    @Bean
    AlfrescoClient alfrescoClient(@Value("${content.service.url}") String url,
                                  @Value("${motcua.alfresco.connect-timeout-millis}") long connect,
                                  @Value("${motcua.alfresco.read-timeout-millis}") long read) {
        return new AlfrescoClient(url, Duration.ofMillis(connect), Duration.ofMillis(read));
    }

    @Bean
    AlfrescoClient.Basic alfrescoServiceAccount(@Value("${content.service.security.basicAuth.username}") String user,
                                                @Value("${content.service.security.basicAuth.password}") String password) {
        return new AlfrescoClient.Basic(user, password);
    }

    @Bean
    OfficeSites officeSites(AlfrescoClient client, AlfrescoClient.Basic service, JdbcClient jdbc,
                            @Value("${motcua.alfresco.folder.reception}") String reception,
                            @Value("${motcua.alfresco.folder.processing}") String processing,
                            @Value("${motcua.alfresco.folder.archive}") String archive) {
        return new OfficeSites(client, service, jdbc,
                Map.of(Folder.RECEPTION, reception, Folder.PROCESSING, processing, Folder.ARCHIVE, archive));
    }

    @Bean
    MirrorWriter alfrescoMirrorWriter(AlfrescoClient client, AlfrescoClient.Basic service, OfficeSites sites,
                                      LiveCatalogue catalogue, DossierRepository dossiers, DocumentService documents,
                                      JdbcClient jdbc, Clock clock,
                                      @Value("${motcua.alfresco.due-soon-hours}") long dueSoonHours) {
        return new MirrorWriter(client, service, sites, catalogue, dossiers, documents,
                new DossierMirror(catalogue, Duration.ofHours(dueSoonHours)), jdbc, clock);
    }

    @Bean
    AlfrescoOutbox alfrescoOutbox(JdbcClient jdbc, TransactionTemplate tx, MirrorWriter writer,
                                  @Value("${motcua.alfresco.outbox.first-retry-millis}") long first,
                                  @Value("${motcua.alfresco.outbox.max-retry-millis}") long max) {
        return new AlfrescoOutbox(jdbc, tx, writer, Duration.ofMillis(first), Duration.ofMillis(max));
    }

    @Bean
    OutboxWorker alfrescoOutboxWorker(AlfrescoOutbox outbox, OfficeSites sites, LiveCatalogue catalogue, Clock clock,
                                      @Value("${motcua.alfresco.outbox.poll-millis}") long poll,
                                      @Value("${motcua.alfresco.outbox.batch}") int batch) {
        return new OutboxWorker(outbox, sites, catalogue, clock, poll, batch);
    }

    @Bean
    RepositoryEvents alfrescoRepositoryEvents(AlfrescoClient client, AlfrescoClient.Basic service,
                                              DocumentService documents, DossierService dossiers, AuditLog audit,
                                              JdbcClient jdbc, TransactionTemplate tx) {
        return new RepositoryEvents(client, service, documents, dossiers, audit, jdbc, tx);
    }

    /** Listens to the repository's events; off with {@code motcua.alfresco.events.enabled=false}. */
    @Bean
    @ConditionalOnBooleanProperty(name = "motcua.alfresco.events.enabled", matchIfMissing = true)
    DefaultMessageListenerContainer alfrescoEventListener(RepositoryEvents events,
                                                          @Value("${spring.activemq.broker-url}") String brokerUrl,
                                                          @Value("${motcua.alfresco.events.queue:}") String queue,
                                                          @Value("${motcua.alfresco.events.client-id}") String clientId,
                                                          @Value("${motcua.alfresco.events.subscription}") String subscription) {
        return RepositoryEventListener.container(brokerUrl, queue, clientId, subscription, events);
    }

    @Bean
    MetadataExtractor alfrescoMetadataExtractor(Clock clock,
                                                @Value("${motcua.transform.trust-list:}") String trustList)
            throws java.io.IOException {
        VerificationOptions.Builder options = VerificationOptions.builder();
        if (!trustList.isBlank()) {
            options.trustList(java.nio.file.Path.of(trustList));
        }
        return new MetadataExtractor(Limits.defaults(), options.build(), clock);
    }

    /** The T-Engine endpoints, before the desk's own chains: no session, only from the allowed networks. */
    @Bean
    @Order(0)
    SecurityFilterChain transformEngineChain(HttpSecurity http,
                                             @Value("${motcua.transform.allowed-networks}") String networks)
            throws Exception {
        return TransformEngineAccess.chain(http, networks);
    }

    /** Replaces the local accounts: officers sign in with their Alfresco account. */
    @Bean
    AlfrescoLogin alfrescoLogin(AlfrescoClient client, LiveCatalogue catalogue, JdbcClient jdbc,
                                TransactionTemplate tx) {
        return new AlfrescoLogin(client, catalogue, jdbc, tx);
    }

    /** Replaces the embedded store for every user of {@link ContentStore}; the embedded one becomes its local staging. */
    @Bean
    @Primary
    ContentStore alfrescoContentStore(@Qualifier("contentStore") ContentStore local, AlfrescoClient client,
                                      AlfrescoClient.Basic service, JdbcClient jdbc, AlfrescoLogin login) {
        return new AlfrescoContentStore(local, client, service, jdbc, login);
    }
}
