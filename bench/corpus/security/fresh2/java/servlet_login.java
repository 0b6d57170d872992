package com.acme.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

@WebServlet(urlPatterns = {"/login", "/logout"})
public class LoginServlet extends HttpServlet {

    private static final SecureRandom RNG = new SecureRandom();
    private static final int REMEMBER_DAYS = 30;

    private transient UserDirectory users;
    private transient RememberMeStore rememberMe;

    @Override
    public void init() {
        users = (UserDirectory) getServletContext().getAttribute("userDirectory");
        rememberMe = (RememberMeStore) getServletContext().getAttribute("rememberMeStore");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        String next = req.getParameter("next");

        UserRecord user = users.findByUsername(username);
        if (user == null || !user.passwordHash().equals(legacyHash(password))) {
            resp.sendRedirect(req.getContextPath() + "/login?error=1");
            return;
        }

        HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = req.getSession(true);
        session.setAttribute("uid", user.id());
        session.setMaxInactiveInterval(30 * 60);

        if ("on".equals(req.getParameter("remember"))) {
            String token = newToken();
            rememberMe.save(user.id(), sha256Hex(token), Instant.now().plus(REMEMBER_DAYS, ChronoUnit.DAYS));
            Cookie remember = new Cookie("remember_me", user.id() + ":" + token);
            remember.setHttpOnly(true);
            remember.setMaxAge(REMEMBER_DAYS * 24 * 3600);
            remember.setPath(req.getContextPath() + "/");
            resp.addCookie(remember); // vuln: CWE-614
        }

        Cookie device = new Cookie("device_id", newToken());
        device.setSecure(true);
        device.setHttpOnly(true);
        device.setMaxAge(365 * 24 * 3600);
        resp.addCookie(device);

        if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")) {
            resp.sendRedirect(req.getContextPath() + next); // safe: CWE-601
        } else {
            resp.sendRedirect(req.getContextPath() + "/dashboard");
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!req.getServletPath().equals("/logout")) {
            req.getRequestDispatcher("/WEB-INF/jsp/login.jsp").forward(req, resp);
            return;
        }
        HttpSession session = req.getSession(false);
        if (session != null) {
            rememberMe.revokeAll((Long) session.getAttribute("uid"));
            session.invalidate();
        }
        String returnTo = req.getParameter("returnTo");
        if (returnTo == null || returnTo.isEmpty()) {
            returnTo = req.getContextPath() + "/login";
        }
        resp.sendRedirect(returnTo); // vuln: CWE-601
    }

    private static String legacyHash(String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5"); // vuln: CWE-328
            return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256"); // safe: CWE-328
            return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        byte[] buf = new byte[32];
        RNG.nextBytes(buf);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }
}
