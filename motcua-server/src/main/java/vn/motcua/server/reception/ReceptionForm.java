package vn.motcua.server.reception;

import org.springframework.http.HttpStatus;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.dossier.DeskException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reception form carried: its text fields, and its files already checked and in the content store, or the first
 * file that was refused. A refused file does not stop the fields from being read, so the page can show the error next to
 * what the officer typed.
 */
public final class ReceptionForm {

    private final Map<String, List<String>> fields;
    private final List<DocumentService.Upload> uploads;
    private final DeskException refused;

    ReceptionForm(Map<String, List<String>> fields, List<DocumentService.Upload> uploads, DeskException refused) {
        this.fields = Map.copyOf(fields);
        this.uploads = List.copyOf(uploads);
        this.refused = refused;
    }

    /** The field's first value (blank ones are left to the rules that check them); a missing field is a bad request. */
    public String required(String name) {
        return all(name).stream().findFirst()
                .orElseThrow(() -> new DeskException(HttpStatus.BAD_REQUEST, "error.request.invalid"));
    }

    /** The field's first value, if present and not blank. */
    public Optional<String> optional(String name) {
        return all(name).stream().filter(v -> !v.isBlank()).findFirst();
    }

    /** Every value of a repeated field, in form order. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** An enumerated field by its constant's name, {@code otherwise} when absent; an unknown name is a bad request. */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E otherwise) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.get().strip());
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.request.invalid");
        }
    }

    /** The accepted files; throws the refusal of the first bad one. */
    public List<DocumentService.Upload> uploads() {
        if (refused != null) {
            throw refused;
        }
        return uploads;
    }
}
