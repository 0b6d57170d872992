// bastion-fixture: src/main/java/com/acme/reports/ReportErrors.java
package com.acme.reports;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
public class ReportErrors {
    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> onError(Exception ex) {
        StringWriter sw = new StringWriter();
// expect: stack-trace-in-response
        ex.printStackTrace(new PrintWriter(sw));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("Report failed:\n" + sw);
    }
}
