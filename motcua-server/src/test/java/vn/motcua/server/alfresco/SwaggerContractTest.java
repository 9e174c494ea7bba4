package vn.motcua.server.alfresco;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stub's contract check must be able to fail: requests and responses the spec does not allow are reported, the
 * allowed ones are not. Also drives {@link AlfrescoClient} against the stub without Spring.
 */
class SwaggerContractTest {

    private AlfrescoStub stub;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin = "Basic " + Base64.getEncoder()
            .encodeToString((AlfrescoStub.ADMIN + ":" + AlfrescoStub.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void start() throws IOException {
        stub = AlfrescoStub.start().orElse(null);
        assumeTrue(stub != null, "reference specs absent");
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private int send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stub.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", admin);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anOperationTheSpecDoesNotHaveIsAViolation() throws Exception {
        assertThat(send("POST", AlfrescoClient.CORE + "/nodes/-root-/explode", "application/json", "{}")).isEqualTo(404);
        assertThat(send("DELETE", AlfrescoClient.CORE + "/sites", null, null)).isEqualTo(405);
        assertThat(stub.violations()).hasSize(2).allMatch(v -> v.contains("no such operation"));
    }

    @Test
    void unknownQueryParametersWrongTypesAndMissingFieldsAreViolations() throws Exception {
        String children = AlfrescoClient.CORE + "/nodes/" + stub.sites.getOrDefault("x", "abc") + "/children";
        assertThat(send("POST", children + "?autoRename=maybe", "application/json",
                "{\"name\":\"a\",\"nodeType\":\"cm:folder\"}")).isEqualTo(400);
        assertThat(send("POST", children + "?frobnicate=1", "application/json",
                "{\"name\":\"a\",\"nodeType\":\"cm:folder\"}")).isEqualTo(400);
        assertThat(send("POST", children, "application/json", "{\"name\":\"a\"}")).isEqualTo(400);
        assertThat(send("POST", children, "application/json", "{\"name\":\"bad/name\",\"nodeType\":\"cm:folder\"}"))
                .isEqualTo(400);
        assertThat(send("POST", children, "application/json", "{\"name\":\"a\",\"nodeType\":\"cm:folder\",\"colour\":1}"))
                .isEqualTo(400);
        assertThat(send("PUT", AlfrescoClient.CORE + "/nodes/abc", "application/json", "{\"properties\":{\"mc:x\":true}}"))
                .isEqualTo(400);
        assertThat(send("POST", AlfrescoClient.CORE + "/sites", "application/json",
                "{\"id\":\"s\",\"title\":\"S\",\"visibility\":\"SECRET\"}")).isEqualTo(400);
        List<String> v = stub.violations();
        assertThat(v).hasSize(7);
        assertThat(v.get(0)).contains("'maybe' is not a boolean");
        assertThat(v.get(1)).contains("frobnicate is not in the spec");
        assertThat(v.get(2)).contains("required field nodeType missing");
        assertThat(v.get(3)).contains("does not match");
        assertThat(v.get(4)).contains("field colour is not in the schema");
        assertThat(v.get(5)).contains("expected a string");
        assertThat(v.get(6)).contains("SECRET not in");
    }

    @Test
    void multipartFieldsMustBeDocumentedOrPropertyQNames() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"filedata\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"colour\"\r\n\r\nred\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mc:componentName\"\r\n\r\nx\r\n"
                + "--" + boundary + "--\r\n";
        assertThat(send("POST", AlfrescoClient.CORE + "/nodes/abc/children", "multipart/form-data; boundary=" + boundary,
                body)).isEqualTo(400);
        assertThat(stub.violations()).singleElement().asString().contains("multipart field colour");
    }

    @Test
    void responsesAreCheckedAgainstTheDeclaredSchema() throws IOException {
        SwaggerContract contract = SwaggerContract.load().orElseThrow();
        SwaggerContract.Operation createSite = contract.find("POST", AlfrescoClient.CORE + "/sites").orElseThrow();
        assertThat(contract.checkResponse(createSite, 201, "application/json",
                Map.of("entry", Map.of("id", "s", "title", "S", "visibility", "PRIVATE")))).singleElement().asString()
                .contains("required field guid missing");
        assertThat(contract.checkResponse(createSite, 299, "application/json", Map.of()))
                .as("an undeclared status falls under 'default', whose Error schema the body must match")
                .singleElement().asString().contains("required field error missing");
        SwaggerContract.Operation login = contract.find("POST", AlfrescoClient.AUTH + "/tickets").orElseThrow();
        assertThat(contract.checkResponse(login, 201, "text/plain", Map.of("entry", Map.of("id", "T"))))
                .singleElement().asString().contains("not JSON");
    }

    @Test
    void theClientSpeaksTheContract() {
        AlfrescoClient client = new AlfrescoClient(stub.url(), Duration.ofSeconds(2), Duration.ofSeconds(10));
        AlfrescoClient.Basic admin = new AlfrescoClient.Basic(AlfrescoStub.ADMIN, AlfrescoStub.ADMIN_PASSWORD);
        assertThat(client.createSite(admin, "mc-x", "Xã X", "Commune X")).isTrue();
        assertThat(client.createSite(admin, "mc-x", "Xã X", "Commune X")).as("409 is 'already there'").isFalse();
        assertThat(client.createGroup(admin, "GROUP_MC_x_RECEPTION", "x")).isTrue();
        assertThat(client.addSiteGroup(admin, "mc-x", "GROUP_MC_x_RECEPTION", "SiteContributor")).isTrue();
        String library = client.siteContainer(admin, "mc-x", "documentLibrary");
        AlfrescoClient.Node folder = client.createNode(admin, library, "Tiếp nhận", "cm:folder", List.of(), Map.of());
        assertThat(client.node(admin, library, "Tiếp nhận")).get().extracting(AlfrescoClient.Node::id).isEqualTo(folder.id());
        assertThat(client.node(admin, library, "Lưu trữ")).isEmpty();
        AlfrescoClient.Node file = client.upload(admin, folder.id(), "đơn.pdf", "application/pdf", "%PDF-1.4".getBytes(),
                "mc:dossierDocument", List.of("mc:signed"), Map.of("mc:componentName", "Tờ khai"));
        assertThat(file.aspectNames()).contains("mc:signed");
        assertThat(file.properties()).containsEntry("mc:componentName", "Tờ khai");
        assertThat(client.content(admin, file.id())).isEqualTo("%PDF-1.4".getBytes());
        stub.addUser("an", "pw", "GROUP_MC_x_RECEPTION");
        String ticket = client.login("an", "pw");
        assertThat(client.myGroups(new AlfrescoClient.Ticket(ticket))).containsExactly("GROUP_MC_x_RECEPTION");
        assertThatThrownBy(() -> client.login("an", "wrong")).isInstanceOfSatisfying(AlfrescoException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThat(stub.violations()).isEmpty();
    }
}
