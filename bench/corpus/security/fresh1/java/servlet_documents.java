package com.acme.portal.web;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;

final class Storage {
    static final Path DOCUMENTS = Paths.get("/srv/portal/documents");
    static final Path STAGING = Paths.get("/srv/portal/staging");

    private Storage() {}

    static String tenantOf(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        return session == null ? null : (String) session.getAttribute("tenantId");
    }

    static boolean isLocalPath(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//")
                && !target.contains("\\") && !target.contains("://");
    }
}

@WebServlet("/documents/download")
class LegacyDownloadServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String folder = req.getHeader("X-Folder");
        String name = req.getParameter("name");
        File file = new File(Storage.DOCUMENTS.toFile(), folder + File.separator + name);
        if (!file.isFile()) {
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().println("<p>The document <b>" + name + "</b> could not be found.</p>"); // vuln: CWE-79
            return;
        }
        resp.setContentType("application/octet-stream");
        resp.setHeader("Content-Disposition", "attachment");
        try (InputStream in = new FileInputStream(file)) { // vuln: CWE-22
            in.transferTo(resp.getOutputStream());
        }
    }
}

@WebServlet("/documents/v2/download")
class DownloadServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String tenant = Storage.tenantOf(req);
        if (tenant == null) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Path base = Storage.DOCUMENTS.resolve(tenant).normalize();
        Path target = base.resolve(req.getParameter("path")).normalize();
        if (!target.startsWith(base) || !Files.isRegularFile(target)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType("application/octet-stream");
        Files.copy(target, resp.getOutputStream()); // safe: CWE-22
    }
}

@WebServlet("/documents/bundles")
@MultipartConfig(maxFileSize = 50L * 1024 * 1024)
class BundleUploadServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, jakarta.servlet.ServletException {
        Part bundle = req.getPart("bundle");
        Path dest = Files.createDirectories(Storage.STAGING.resolve(UUID.randomUUID().toString()));
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(bundle.getInputStream())) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path out = dest.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING); // vuln: CWE-22
                files++;
            }
        }
        resp.setContentType("application/json");
        resp.getWriter().write("{\"batch\":\"" + dest.getFileName() + "\",\"files\":" + files + "}");
    }
}

@WebServlet("/auth/continue")
class ContinueServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String returnUrl = req.getParameter("returnUrl");
        if (returnUrl == null || returnUrl.isEmpty()) {
            returnUrl = req.getContextPath() + "/home";
        }
        resp.sendRedirect(returnUrl); // vuln: CWE-601
    }
}

@WebServlet("/auth/logout")
class LogoutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String next = req.getParameter("next");
        String target = Storage.isLocalPath(next) ? next : "/";
        resp.sendRedirect(req.getContextPath() + target); // safe: CWE-601
    }
}
