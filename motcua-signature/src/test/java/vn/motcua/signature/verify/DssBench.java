package vn.motcua.signature.verify;

import java.nio.file.Path;
import java.util.stream.Collectors;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/** EU DSS validating the same file with its default policy and no trust anchors (bench profile only). */
final class DssBench {
    private DssBench() {
    }

    static String verify(Path file) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(file.toFile()));
        validator.setCertificateVerifier(new CommonCertificateVerifier());
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        return simple.getSignatureIdList().stream()
                .map(id -> simple.getIndication(id) + "/" + simple.getSubIndication(id))
                .collect(Collectors.joining(","));
    }
}
