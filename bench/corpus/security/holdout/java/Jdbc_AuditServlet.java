package com.example.audit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.crypto.Cipher;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.xpath.XPathFactory;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.xml.sax.InputSource;

@WebServlet("/audit/*")
public class AuditServlet extends HttpServlet {

    private static final Logger LOG = LogManager.getLogger(AuditServlet.class);
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String actor = req.getParameter("actor");
        String since = req.getParameter("since");
        try (Connection c = dataSource.getConnection()) {
            Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM audit WHERE actor = '" + actor + "' AND ts > '" + since + "'"); // vuln: CWE-89
            resp.getWriter().write("<h2>Audit for " + actor + "</h2>"); // vuln: CWE-79
            while (rs.next()) {
                resp.getWriter().write("<li>" + rs.getString("action") + "</li>");
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String actor = req.getParameter("actor");
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = c.prepareStatement("INSERT INTO audit(actor, action) VALUES (?, ?)"); // safe: CWE-89
            ps.setString(1, actor);
            ps.setString(2, req.getParameter("action"));
            ps.executeUpdate();
            CallableStatement cs = c.prepareCall("{call purge_audit('" + req.getParameter("before") + "')}"); // vuln: CWE-89
            cs.execute();
            Statement st = c.createStatement();
            st.executeUpdate("DELETE FROM audit_tmp WHERE created < now() - interval '7 days'"); // safe: CWE-89
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        LOG.info("audit entry added by {}", actor); // vuln: CWE-117
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try (InputStream in = req.getInputStream()) {
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.newSAXParser().parse(new InputSource(in), new org.xml.sax.helpers.DefaultHandler()); // vuln: CWE-611
        } catch (Exception e) {
            throw new ServletException(e);
        }
        try (ObjectInputStream ois = new ObjectInputStream(req.getInputStream())) {
            Object entry = ois.readObject(); // vuln: CWE-502
            LOG.debug("restored {}", entry.getClass());
        } catch (ClassNotFoundException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String expr = req.getParameter("expr");
        try {
            Object v = XPathFactory.newInstance().newXPath().evaluate("/audit/entry[" + expr + "]", new InputSource("audit.xml")); // vuln: CWE-643
            resp.getWriter().write(String.valueOf(v));
        } catch (Exception e) {
            throw new ServletException(e);
        }
        String cmd = req.getParameter("cmd");
        new ProcessBuilder("bash", "-c", "audit-tool " + cmd).start(); // vuln: CWE-78
        new ProcessBuilder("audit-tool", "--rotate").start(); // safe: CWE-78
        new File("/var/audit/" + req.getParameter("file")).delete(); // vuln: CWE-22
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Cookie c = new Cookie("audit_session", java.util.UUID.randomUUID().toString());
        c.setHttpOnly(false); // vuln: CWE-1004
        resp.addCookie(c);
        resp.setHeader("X-Audit-View", req.getParameter("view")); // vuln: CWE-113
        resp.sendRedirect(resp.encodeRedirectURL(req.getParameter("returnTo"))); // vuln: CWE-601
    }

    static void trustAllHosts() {
        HostnameVerifier all = (hostname, session) -> true; // vuln: CWE-295
        HttpsURLConnection.setDefaultHostnameVerifier(all);
    }

    static TransformerFactory safeTransformer() {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, ""); // safe: CWE-611
        return tf;
    }

    static byte[] sha1(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA1").digest(data); // vuln: CWE-328
    }

    static byte[] rsaNoPadding(byte[] data, java.security.Key key) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding"); // safe: CWE-327
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }

    static java.security.KeyPair smallKey() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048, new SecureRandom()); // safe: CWE-330
        return kpg.generateKeyPair();
    }

    static String nonce() {
        return Double.toString(Math.random()); // vuln: CWE-330
    }
}
