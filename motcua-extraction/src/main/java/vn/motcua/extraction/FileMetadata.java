package vn.motcua.extraction;

import java.time.Instant;
import java.util.Optional;

/** The file's own metadata, as its format records it; each part empty when the file does not say. */
public record FileMetadata(Optional<String> title, Optional<String> author, Optional<Instant> created,
        Optional<Instant> modified, Optional<Integer> pageCount, Optional<String> producer) {

    static FileMetadata none() {
        return new FileMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
