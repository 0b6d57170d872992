package com.acme.community.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

@WebServlet(urlPatterns = {"/profile", "/profile/login"})
public class ProfileServlet extends HttpServlet {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REMEMBER_ME_SECONDS = 60 * 60 * 24 * 30;

    @Resource(name = "jdbc/community")
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = req.getParameter("user");
        String tab = req.getParameter("tab");
        if (tab == null) {
            tab = "posts";
        }
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT display_name, bio FROM members WHERE handle = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    out.println("<p>No such member</p>");
                    return;
                }
                String displayName = rs.getString("display_name");
                out.println("<html><body>");
                out.println("<h1>" + Encode.forHtml(displayName) + "</h1>"); // safe: CWE-79
                out.println("<div class=\"tabs\" data-active=\"" + tab + "\">"); // vuln: CWE-79
                out.println("<p>" + Encode.forHtml(rs.getString("bio")) + "</p>");
                out.println("</div></body></html>");
            }
        } catch (SQLException e) {
            resp.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            e.printStackTrace(out); // vuln: CWE-209
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String handle = req.getParameter("handle");
        String password = req.getParameter("password");
        boolean remember = "on".equals(req.getParameter("remember"));

        long memberId = authenticate(handle, password);
        if (memberId < 0) {
            resp.sendRedirect(req.getContextPath() + "/profile/login?error=1");
            return;
        }

        req.changeSessionId();
        req.getSession(true).setAttribute("memberId", memberId);

        Cookie sid = new Cookie("COMMUNITY_SID", req.getSession().getId());
        sid.setPath("/");
        sid.setHttpOnly(true);
        sid.setSecure(true);
        resp.addCookie(sid); // safe: CWE-614

        if (remember) {
            Cookie rememberMe = new Cookie("remember_me", newToken());
            rememberMe.setPath("/");
            rememberMe.setMaxAge(REMEMBER_ME_SECONDS);
            rememberMe.setSecure(true);
            rememberMe.setHttpOnly(false); // vuln: CWE-1004
            resp.addCookie(rememberMe);
        }
        resp.sendRedirect(req.getContextPath() + "/profile?user=" + handle);
    }

    private static String newToken() {
        byte[] buf = new byte[32];
        RANDOM.nextBytes(buf);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }

    private long authenticate(String handle, String password) {
        // delegates to the shared credential service; -1 when the login fails
        return CredentialService.instance().verify(handle, password);
    }
}
