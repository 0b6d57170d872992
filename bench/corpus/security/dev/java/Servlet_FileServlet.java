package com.example.legacy;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.commons.text.StringEscapeUtils;

@WebServlet("/legacy/files")
public class FileServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(FileServlet.class.getName());
    private static final String BASE = "/var/legacy/files/";
    private static final String DB_URL = "jdbc:postgresql://db:5432/legacy";

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(DB_URL, "legacy", "legacy123"); // vuln: CWE-798
    }

    private Connection connectFromEnv() throws SQLException {
        return DriverManager.getConnection(DB_URL, System.getenv("DB_USER"), System.getenv("DB_PASS")); // safe: CWE-798
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String name = req.getParameter("name");
        File file = new File(BASE + name);
        try (FileInputStream in = new FileInputStream(file)) { // vuln: CWE-22
            in.transferTo(resp.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String owner = req.getParameter("owner");
        String tag = req.getParameter("tag");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT name FROM files WHERE owner = '" + owner + "'"); // vuln: CWE-89
            PrintWriter out = resp.getWriter();
            while (rs.next()) {
                out.println("<li>" + rs.getString(1) + "</li>");
            }
            out.println("<p>Files owned by " + owner + "</p>"); // vuln: CWE-79
            out.println("<p>Tag " + StringEscapeUtils.escapeHtml4(tag) + "</p>"); // safe: CWE-79
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String owner = req.getParameter("owner");
        try (Connection c = connectFromEnv();
             PreparedStatement ps = c.prepareStatement("SELECT name FROM files WHERE owner = ?")) { // safe: CWE-89
            ps.setString(1, owner);
            ResultSet rs = ps.executeQuery();
            resp.getWriter().println(rs.next() ? "found" : "none");
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String name = req.getParameter("name");
        File file = new File(BASE, new File(name).getName());
        LOG.info("deleting " + name); // vuln: CWE-117
        if (file.delete()) { // safe: CWE-22
            resp.setStatus(204);
        }
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String origin = req.getHeader("Origin");
        resp.setHeader("Access-Control-Allow-Origin", origin); // vuln: CWE-942
        resp.setHeader("Access-Control-Allow-Credentials", "true");
        resp.sendRedirect(req.getParameter("next")); // vuln: CWE-601
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.sendRedirect(req.getContextPath() + "/legacy/files"); // safe: CWE-601
        resp.addHeader("X-Requested-Name", req.getParameter("name")); // vuln: CWE-113
    }
}
