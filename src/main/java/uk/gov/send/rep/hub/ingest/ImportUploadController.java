package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import uk.gov.send.rep.hub.audit.AuditLog;
import uk.gov.send.rep.hub.audit.AuditOutcome;
import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;
import uk.gov.send.rep.hub.query.Scope;

/**
 * {@code POST /import/{kind}}: the import command over HTTP (issue 6, ADR 0015). A multipart
 * request with one or more {@code file} parts, optionally {@code goodRowsOnly=true}, {@code map}
 * parameters {@code COLUMN=MEASURE} and a {@code mapping} file part, as on the command line. Each
 * file is streamed to a temporary file (deleted afterwards) and imported by the same
 * {@link Importer}, in order.
 *
 * <ul>
 * <li>{@code NATIONAL} may import any rows; {@code LOCAL_AREA} only its own area's
 *     ({@link ImportOptions#scopeArea()}: another area's row is a bad row), and may not declare
 *     measures in a mapping file (the catalogue is national); every other role gets
 *     403 (Spring Security has already answered 401 to a request without a valid token).
 * <li>200 with the reports (a JSON list of {@link ImportReport}) when every file was imported or
 *     was already in; 422 with the reports when a file was rejected for bad rows; 400
 *     {@code {"error", "message", "reports"}} for unusable input (an unknown kind, a bad
 *     {@code map}, a file without a required column), after the reports of the files before it:
 *     the files after it are not imported; 413 over {@code spring.servlet.multipart.max-file-size}
 *     ({@link ImportUploadAdvice}); 500 {@code {"error": "INTERNAL_ERROR", "message"}} when the
 *     import fails otherwise (the database; a kind whose rows cannot be checked against the scope).
 * <li>Every upload that reaches the controller is a write in the audit log, as a mutation is
 *     ({@code operationType: mutation}, {@code operationName: import <kind>}). If the event cannot
 *     be written the answer is withheld (500), as GraphQL withholds a mutation's.
 * </ul>
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ImportUploadController {

    /** The path, for the security configuration and the docs. */
    static final String PATH = "/import/{kind}";

    private static final Logger log = LoggerFactory.getLogger(ImportUploadController.class);

    private final Importer importer;
    private final AuditLog audit;

    ImportUploadController(Importer importer, AuditLog audit) {
        this.importer = importer;
        this.audit = audit;
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> upload(@PathVariable String kind, @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "goodRowsOnly", required = false) String goodRowsOnly,
            @RequestParam(name = "map", required = false) List<String> map,
            @RequestParam(name = "mapping", required = false) MultipartFile mapping, Scope scope) {
        ResponseEntity<Object> response;
        try {
            response = answer(kind, files, goodRowsOnly, map, mapping, scope);
        }
        catch (RuntimeException failure) {
            // A failure (the database, a kind that cannot be checked against the scope) is audited too; a rerun resumes.
            log.error("Upload of {} by {} failed: {}", kind, scope.subject(), failure.getMessage(), failure);
            response = error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "The import failed; "
                + "the hub's log says why (uploading the same files again resumes it)", List.of());
        }
        AuditOutcome outcome = response.getStatusCode().is2xxSuccessful() ? AuditOutcome.OK : AuditOutcome.ERROR;
        String operation = "import " + kind;
        try {
            audit.record(new AuditLog.Entry(scope, operation, "mutation", AuditLog.hash("POST /import/" + kind), Map.of(),
                outcome), null);
        }
        catch (RuntimeException failure) {
            log.error("Audit write failed, answer withheld (upload {} by {})", kind, scope.subject(), failure);
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "AUDIT_NOT_RECORDED", "The answer is withheld: the audit log "
                + "could not record this upload (the files may have been imported; uploading them again is safe). "
                + "Tell the hub's operators if it persists.", List.of());
        }
        return response;
    }

    private ResponseEntity<Object> answer(String kind, List<MultipartFile> files, String goodRowsOnly, List<String> map,
            MultipartFile mapping, Scope scope) {
        String scopeArea;
        if (Scope.NATIONAL.equals(scope.role())) {
            scopeArea = null;
        }
        else if ("LOCAL_AREA".equals(scope.role()) && scope.localArea() != null) {
            scopeArea = scope.localArea();
        }
        else {
            return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "Role " + scope.role() + " may not import files (only NATIONAL "
                + "and LOCAL_AREA may: a local area its own area's rows)", List.of());
        }
        if (!importer.kinds().containsKey(kind)) {
            return badRequest("Unknown kind '" + kind + "' in /import/" + kind + "; kinds: "
                + String.join(", ", importer.kinds().keySet().stream().sorted().toList()), List.of());
        }
        List<MultipartFile> uploaded = files == null ? List.of() : files.stream().filter(f -> f != null).toList();
        if (uploaded.isEmpty()) {
            return badRequest("No file to import: send one or more multipart parts named 'file'", List.of());
        }
        boolean good;
        if (goodRowsOnly == null || goodRowsOnly.isBlank() || goodRowsOnly.equalsIgnoreCase("false")) {
            good = false;
        }
        else if (goodRowsOnly.equalsIgnoreCase("true")) {
            good = true;
        }
        else {
            return badRequest("goodRowsOnly: '" + goodRowsOnly + "' is not true or false", List.of());
        }
        List<MeasureMapping> mappings = new ArrayList<>();
        for (String pair : map == null ? List.<String>of() : map) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                return badRequest("map: '" + pair + "': expected COLUMN=MEASURE_CODE", List.of());
            }
            mappings.add(MeasureMapping.of(parts[0].strip(), parts[1].strip()));
        }
        if (mapping != null && !mapping.isEmpty()) {
            String name = "mapping " + name(mapping);
            try {
                Path stored = store(mapping);
                try {
                    mappings.addAll(MappingFile.read(stored, name));
                }
                catch (ImportException unusable) {
                    return badRequest(unusable.getMessage().replace(stored.toString(), name), List.of());
                }
                finally {
                    delete(stored);
                }
            }
            catch (UncheckedIOException failure) {
                throw failure;
            }
        }
        if (scopeArea != null && mappings.stream().anyMatch(MeasureMapping::declares)) {
            // The measure catalogue is national: a local area maps to measures in it, never adds to it.
            return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "mapping: a line with a name declares a measure, which only "
                + "NATIONAL may do; map columns to measures in the catalogue (column and measure only)", List.of());
        }
        ImportOptions options = new ImportOptions(good, mappings, scopeArea);
        List<ImportReport> reports = new ArrayList<>();
        for (MultipartFile file : uploaded) {
            String name = name(file);
            Path stored = store(file);
            try {
                reports.add(importer.importFile(kind, stored, name, options));
            }
            catch (ImportException unusable) {
                return badRequest(unusable.getMessage().replace(stored.toString(), name), reports);
            }
            finally {
                delete(stored);
            }
        }
        boolean rejected = reports.stream().anyMatch(report -> report.outcome() == Outcome.REJECTED);
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
            .contentType(MediaType.APPLICATION_JSON).body(reports);
    }

    /** The file name as uploaded (without any directories a client put in it), else {@code file}. */
    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "file";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** The part copied to a temporary file, streamed (the servlet container has it on disk already). */
    private static Path store(MultipartFile file) {
        try {
            Path stored = Files.createTempFile("hub-upload-", ".csv");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
            }
            return stored;
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Cannot store the upload " + name(file) + ": " + failure.getMessage(), failure);
        }
    }

    private static void delete(Path stored) {
        try {
            Files.deleteIfExists(stored);
        }
        catch (IOException failure) {
            log.warn("Could not delete the uploaded file {}: {}", stored, failure.getMessage());
        }
    }

    private static ResponseEntity<Object> badRequest(String message, List<ImportReport> reports) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message, reports);
    }

    static ResponseEntity<Object> error(HttpStatus status, String error, String message, List<ImportReport> reports) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.put("reports", reports);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
