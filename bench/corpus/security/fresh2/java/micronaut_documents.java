package com.acme.docs.convert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentController {

    private static final Set<String> TARGET_FORMATS = Set.of("pdf", "docx", "odt", "html");

    private final Path workDir;
    private final LayoutRepository layouts;

    public DocumentController(@Value("${docs.work-dir:/var/lib/docs/work}") String workDir,
                              LayoutRepository layouts) throws IOException {
        this.workDir = Files.createDirectories(Paths.get(workDir));
        this.layouts = layouts;
    }

    @Post(value = "/convert", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<byte[]> convert(CompletedFileUpload file,
                                        @QueryValue(defaultValue = "pdf") String format) throws Exception {
        if (!TARGET_FORMATS.contains(format)) {
            return HttpResponse.badRequest();
        }
        Path src = Files.createTempFile(workDir, "upload-", ".bin"); // safe: CWE-377
        try {
            Files.write(src, file.getBytes());
            Process proc = new ProcessBuilder("soffice", "--headless", "--convert-to", format, "--outdir", workDir.toString(), src.toString()).redirectErrorStream(true).start(); // safe: CWE-78
            if (!proc.waitFor(60, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                proc.destroyForcibly();
                return HttpResponse.serverError();
            }
            String baseName = src.getFileName().toString().replace(".bin", "");
            Path converted = workDir.resolve(baseName + "." + format);
            byte[] out = Files.readAllBytes(converted);
            Files.deleteIfExists(converted);
            return HttpResponse.ok(out).header("Content-Disposition", "attachment; filename=\"converted." + format + "\"");
        } finally {
            Files.deleteIfExists(src);
        }
    }

    @Post(value = "/extract-text", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_PLAIN)
    public String extractText(CompletedFileUpload file,
                              @QueryValue(defaultValue = "1-5") String pages) throws Exception {
        String[] range = pages.split("-", 2);
        String first = range[0].trim();
        String last = range.length > 1 ? range[1].trim() : first;
        Path src = workDir.resolve(UUID.randomUUID() + ".pdf");
        Files.write(src, file.getBytes());
        String cmd = "pdftotext -f " + first + " -l " + last + " -layout " + src + " -";
        Process proc = new ProcessBuilder("/bin/sh", "-c", cmd).start(); // vuln: CWE-78
        try (InputStream stdout = proc.getInputStream()) {
            String text = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            proc.waitFor(30, TimeUnit.SECONDS);
            return text;
        } finally {
            Files.deleteIfExists(src);
        }
    }

    @Post(value = "/layouts/import", consumes = MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<String> importLayout(@Body byte[] payload,
                                             @Header("X-Workspace") String workspace) throws Exception {
        if (payload.length > 2_000_000) {
            return HttpResponse.badRequest("layout too large");
        }
        PageLayout layout = (PageLayout) new ObjectInputStream(new ByteArrayInputStream(payload)).readObject(); // vuln: CWE-502
        String id = layouts.save(workspace, layout);
        return HttpResponse.created("/documents/layouts/" + id);
    }
}
