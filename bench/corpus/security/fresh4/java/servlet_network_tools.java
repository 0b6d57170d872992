package com.acme.ops.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@WebServlet(urlPatterns = {"/ops/ping", "/ops/dig", "/ops/people", "/ops/people/by-mail", "/ops/session"})
public class NetworkToolsServlet extends HttpServlet {

    private static final Pattern HOSTNAME = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$");
    private static final String PEOPLE_BASE = "ou=people,dc=acme,dc=internal";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        try {
            switch (req.getServletPath()) {
                case "/ops/ping" -> ping(req, resp);
                case "/ops/dig" -> dig(req, resp);
                case "/ops/people" -> people(req, resp);
                case "/ops/people/by-mail" -> peopleByMail(req, resp);
                case "/ops/session" -> startSession(req, resp);
                default -> resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (NamingException e) {
            log("directory lookup failed", e);
            resp.sendError(HttpServletResponse.SC_BAD_GATEWAY, "directory unavailable");
        }
    }

    private void ping(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = req.getParameter("host");
        String count = Optional.ofNullable(req.getParameter("count")).orElse("3");
        String cmd = "ping -c " + count + " -W 2 " + host;
        Process p = Runtime.getRuntime().exec(new String[]{"/bin/sh", "-c", cmd}); // vuln: CWE-78
        streamOutput(p, resp.getWriter());
    }

    private void dig(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = req.getParameter("host");
        if (host == null || !HOSTNAME.matcher(host).matches()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid host");
            return;
        }
        Process p = new ProcessBuilder("dig", "+short", host).redirectErrorStream(true).start(); // safe: CWE-78
        streamOutput(p, resp.getWriter());
    }

    private void people(HttpServletRequest req, HttpServletResponse resp) throws IOException, NamingException {
        String uid = req.getParameter("uid");
        DirContext ctx = new InitialDirContext(ldapEnv());
        try {
            String filter = "(&(objectClass=inetOrgPerson)(uid=" + uid + "))";
            NamingEnumeration<SearchResult> results = ctx.search(PEOPLE_BASE, filter, controls()); // vuln: CWE-90
            writeResults(results, resp.getWriter());
        } finally {
            ctx.close();
        }
    }

    private void peopleByMail(HttpServletRequest req, HttpServletResponse resp) throws IOException, NamingException {
        String mail = req.getParameter("mail");
        DirContext ctx = new InitialDirContext(ldapEnv());
        try {
            NamingEnumeration<SearchResult> results = ctx.search(PEOPLE_BASE, "(&(objectClass=inetOrgPerson)(mail={0}))", new Object[]{mail}, controls()); // safe: CWE-90
            writeResults(results, resp.getWriter());
        } finally {
            ctx.close();
        }
    }

    private void startSession(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String token = UUID.randomUUID().toString();
        Cookie sid = new Cookie("OPS_SID", token);
        sid.setHttpOnly(true);
        sid.setPath("/ops");
        sid.setMaxAge(8 * 3600);
        resp.addCookie(sid); // vuln: CWE-614

        Cookie xsrf = new Cookie("OPS_XSRF", UUID.randomUUID().toString());
        xsrf.setSecure(true);
        xsrf.setHttpOnly(true);
        xsrf.setPath("/ops");
        resp.addCookie(xsrf); // safe: CWE-614
        resp.getWriter().println("session started");
    }

    private static Hashtable<String, String> ldapEnv() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, System.getenv().getOrDefault("OPS_LDAP_URL", "ldaps://ldap.acme.internal:636"));
        env.put(Context.SECURITY_PRINCIPAL, "cn=ops-reader,ou=services,dc=acme,dc=internal");
        env.put(Context.SECURITY_CREDENTIALS, System.getenv("OPS_LDAP_PASSWORD"));
        return env;
    }

    private static SearchControls controls() {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        sc.setReturningAttributes(new String[]{"uid", "cn", "mail"});
        sc.setCountLimit(50);
        return sc;
    }

    private static void writeResults(NamingEnumeration<SearchResult> results, PrintWriter out) throws NamingException {
        while (results.hasMore()) {
            SearchResult r = results.next();
            out.println(r.getNameInNamespace());
        }
    }

    private static void streamOutput(Process p, PrintWriter out) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
            }
        }
    }
}
