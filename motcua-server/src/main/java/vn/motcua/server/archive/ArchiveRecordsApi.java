package vn.motcua.server.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.security.DeskUser;

import java.util.List;

/** File records of archived dossiers, the disposal list and disposal (archivists only for changes). */
@RestController
@RequestMapping("/api/archive")
@Tag(name = "archive")
public class ArchiveRecordsApi {

    private final ArchiveRecords records;

    public ArchiveRecordsApi(ArchiveRecords records) {
        this.records = records;
    }

    @GetMapping("/records/{dossierId}")
    @Operation(summary = "The file record of an archived dossier (retention, access level, disposal date, ...)")
    public ArchiveRecord record(@AuthenticationPrincipal DeskUser user, @PathVariable long dossierId) {
        return records.get(user, dossierId);
    }

    @PutMapping("/records/{dossierId}")
    @Operation(summary = "Change access level, keywords, page count, paper file code, notes (archivist; audited)")
    public ArchiveRecord change(@AuthenticationPrincipal DeskUser user, @PathVariable long dossierId,
                                @RequestBody ArchiveRecord.Changes changes) {
        return records.change(user, dossierId, changes);
    }

    @GetMapping("/disposal")
    @Operation(summary = "Records past their retention period, not yet disposed of")
    public List<ArchiveRecord> disposalList(@AuthenticationPrincipal DeskUser user) {
        return records.disposalList(user);
    }

    @PostMapping("/disposal/{dossierId}")
    @Operation(summary = "Dispose of a record past its retention (archivist; the note cites the decision; audited)")
    public ArchiveRecord dispose(@AuthenticationPrincipal DeskUser user, @PathVariable long dossierId,
                                 @RequestBody ArchiveRecord.Disposal disposal) {
        return records.dispose(user, dossierId, disposal.note());
    }
}
