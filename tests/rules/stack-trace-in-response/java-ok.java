// bastion-fixture: src/main/java/com/acme/reports/ReportErrors.java
// ok: stack-trace-in-response
package com.acme.reports;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
public class ReportErrors {
    private static final Logger log = LoggerFactory.getLogger(ReportErrors.class);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> onError(Exception ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        log.error("report failed: {}", sw);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("Report failed");
    }
}
