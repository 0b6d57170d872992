// bastion-fixture: src/main/java/com/acme/reports/ReportCallbacks.java
package com.acme.reports;
// ok: sql-injection

import java.util.concurrent.Executor;
import org.springframework.web.bind.annotation.*;

@RestController
public class ReportCallbacks {
    private final Executor callbackExecutor;
    private final ReportService reports;

    public ReportCallbacks(Executor callbackExecutor, ReportService reports) {
        this.callbackExecutor = callbackExecutor;
        this.reports = reports;
    }

    // An Executor's execute runs a task on a thread pool; no SQL is involved.
    @PostMapping("/reports/{name}/refresh")
    public String refresh(@PathVariable String name) {
        Runnable task = new RefreshTask(reports, name);
        callbackExecutor.execute(task);
        return "queued";
    }
}
