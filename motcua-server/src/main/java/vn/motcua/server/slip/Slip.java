package vn.motcua.server.slip;

import java.util.List;

/**
 * The content of one printed form (Mẫu 01–05), already in words: the renderer only lays it out. Built by
 * {@link SlipFactory} from a dossier; the labels come from the message bundles.
 *
 * @param issuer     the office heading at the top left (e.g. "UBND PHƯỜNG ĐOÀN KẾT")
 * @param formNumber "Mẫu số 01" etc.
 * @param title      the form's title in capitals
 * @param fields     label/value lines
 * @param table      optional table (Form 05): header row first
 * @param paragraphs free text after the fields (reasons, guidance)
 * @param qrContent  optional QR code content (the public lookup address), printed with its text below
 * @param footer     the signature line (e.g. "NGƯỜI TIẾP NHẬN") and name
 */
public record Slip(String issuer, String nationalTitle, String nationalMotto, String formNumber, String title,
                   String placeAndDate, List<Field> fields, List<List<String>> table, List<String> paragraphs,
                   String qrContent, String footerTitle, String footerName) {

    public record Field(String label, String value) {
    }
}
