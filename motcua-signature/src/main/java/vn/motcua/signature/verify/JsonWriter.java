package vn.motcua.signature.verify;

import java.util.List;
import java.util.Locale;

/** Hand-written JSON for the report: the shape is small and fixed, so no JSON library is pulled into the module. */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();

    private JsonWriter() {
    }

    static String write(VerificationReport r) {
        JsonWriter w = new JsonWriter();
        w.sb.append('{');
        w.field("file", r.fileName()).comma();
        w.field("verdict", r.verdict().name()).comma();
        w.field("indication", r.verdict().etsiName()).comma();
        w.field("subIndication", r.subIndication() == null ? null : r.subIndication().name()).comma();
        w.key("findings").findings(r.findings()).comma();
        w.key("signatures").sb.append('[');
        for (int i = 0; i < r.signatures().size(); i++) {
            if (i > 0) {
                w.comma();
            }
            w.signature(r.signatures().get(i));
        }
        w.sb.append("]}");
        return w.sb.toString();
    }

    private void signature(SignatureReport s) {
        sb.append('{');
        sb.append("\"index\":").append(s.index()).append(',');
        field("kind", s.kind().name()).comma();
        field("field", s.fieldName()).comma();
        field("subFilter", s.subFilter()).comma();
        field("verdict", s.verdict().name()).comma();
        field("indication", s.verdict().etsiName()).comma();
        field("subIndication", s.subIndication() == null ? null : s.subIndication().name()).comma();
        field("signer", s.signerName()).comma();
        field("organisation", s.signerOrganisation()).comma();
        field("issuer", s.issuer()).comma();
        field("signingTime", s.signingTime() == null ? null : s.signingTime().toString()).comma();
        field("signingTimeSource", s.signingTimeSource().name()).comma();
        field("timestamp", s.timestampTime() == null ? null : s.timestampTime().toString()).comma();
        field("level", s.level()).comma();
        field("digestAlgorithm", s.digestAlgorithm()).comma();
        field("signatureAlgorithm", s.signatureAlgorithm()).comma();
        key("byteRange").sb.append(s.byteRange().toString().replace(" ", "")).append(',');
        sb.append("\"signedRevisionLength\":").append(s.signedRevisionLength()).append(',');
        field("coverage", s.coverage().name()).comma();
        key("changes").sb.append('[');
        for (int i = 0; i < s.changes().size(); i++) {
            Change c = s.changes().get(i);
            if (i > 0) {
                comma();
            }
            sb.append('{');
            field("kind", c.kind().name()).comma();
            sb.append("\"allowed\":").append(c.allowed()).append(',');
            field("where", c.where());
            sb.append('}');
        }
        sb.append("],");
        key("findings").findings(s.findings());
        sb.append('}');
    }

    private JsonWriter findings(List<Finding> findings) {
        sb.append('[');
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (i > 0) {
                comma();
            }
            sb.append('{');
            field("code", f.code()).comma();
            field("subIndication", f.subIndication() == null ? null : f.subIndication().name()).comma();
            field("message", f.message(Locale.ENGLISH)).comma();
            field("message_vi", f.message(Messages.VIETNAMESE));
            sb.append('}');
        }
        sb.append(']');
        return this;
    }

    private JsonWriter key(String name) {
        string(name);
        sb.append(':');
        return this;
    }

    private JsonWriter field(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            string(value);
        }
        return this;
    }

    private JsonWriter comma() {
        sb.append(',');
        return this;
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
