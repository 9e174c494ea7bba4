package vn.motcua.server.document;

import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The placeholder inspector used while no verifier or extractor is wired: every document gets the grey badge with the
 * key {@code signature.notChecked} and no extracted fields. Replace it by declaring a {@code @Primary} {@link DocumentInspector} bean.
 */
@Component
public class UninspectedDocuments implements DocumentInspector {

    @Override
    public DocumentInspection inspect(String fileName, String mediaType, byte[] content) {
        return new DocumentInspection(DocumentInspection.Badge.GREY, "signature.notChecked", Map.of());
    }
}
