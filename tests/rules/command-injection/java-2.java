// bastion-fixture: src/main/java/com/acme/docs/DocumentController.java
package com.acme.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

@Controller("/documents")
public class DocumentController {
    @Get("/text")
    public HttpResponse<String> text(@QueryValue String pages) throws Exception {
        String cmd = "pdftotext -f " + pages + " doc.pdf -";
// expect: command-injection
        Process proc = new ProcessBuilder("/bin/sh", "-c", cmd).start();
        return HttpResponse.ok(new String(proc.getInputStream().readAllBytes()));
    }
}
