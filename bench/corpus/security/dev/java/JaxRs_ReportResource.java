package com.example.reports.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.naming.Context;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.ws.rs.*;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

@Path("/reports")
public class ReportResource {

    private static final byte[] KEY = System.getenv("REPORT_KEY").getBytes(StandardCharsets.UTF_8);
    private static final byte[] FIXED_IV = "abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);
    private static final String LDAP_PASSWORD = "ld4p-Adm1n-2024"; // vuln: CWE-798

    @GET
    @Path("/owner")
    @Produces(MediaType.APPLICATION_JSON)
    public Response byOwner(@QueryParam("uid") String uid) throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldap://ldap.corp.example:389");
        env.put(Context.SECURITY_CREDENTIALS, LDAP_PASSWORD);
        DirContext ctx = new InitialDirContext(env);
        String filter = "(&(objectClass=person)(uid=" + uid + "))";
        var results = ctx.search("ou=people,dc=corp,dc=example", filter, new SearchControls()); // vuln: CWE-90
        return Response.ok(results.hasMore()).build();
    }

    @GET
    @Path("/owner-safe")
    public Response byOwnerSafe(@QueryParam("uid") String uid) throws Exception {
        DirContext ctx = new InitialDirContext(new Hashtable<>());
        var results = ctx.search("ou=people,dc=corp,dc=example", "(&(objectClass=person)(uid={0}))", new Object[] {uid}, new SearchControls()); // safe: CWE-90
        return Response.ok(results.hasMore()).build();
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.APPLICATION_XML)
    public Response upload(InputStream body, @QueryParam("field") String field) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance(); // vuln: CWE-611
        DocumentBuilder builder = dbf.newDocumentBuilder();
        Document doc = builder.parse(body);
        XPath xpath = XPathFactory.newInstance().newXPath();
        String value = xpath.evaluate("/report/meta[@name='" + field + "']/text()", doc); // vuln: CWE-643
        return Response.ok(value).build();
    }

    @POST
    @Path("/upload-safe")
    @Consumes(MediaType.APPLICATION_XML)
    public Response uploadSafe(InputStream body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setExpandEntityReferences(false);
        Document doc = dbf.newDocumentBuilder().parse(body); // safe: CWE-611
        XPath xpath = XPathFactory.newInstance().newXPath();
        String value = xpath.evaluate("/report/meta[@name='title']/text()", doc); // safe: CWE-643
        return Response.ok(value).build();
    }

    @POST
    @Path("/restore")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response restore(byte[] body) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body))) {
            Object snapshot = in.readObject(); // vuln: CWE-502
            return Response.ok(snapshot.toString()).build();
        }
    }

    @GET
    @Path("/greeting")
    @Produces(MediaType.TEXT_HTML)
    public String greeting(@QueryParam("name") String name) {
        return "<p>Report for " + name + "</p>"; // vuln: CWE-79
    }

    @GET
    @Path("/jump")
    public Response jump(@QueryParam("to") String to) {
        return Response.seeOther(java.net.URI.create(to)).build(); // vuln: CWE-601
    }

    @GET
    @Path("/run")
    public Response run(@QueryParam("job") String job) throws Exception {
        Process p = Runtime.getRuntime().exec("/opt/reports/bin/run.sh " + job); // vuln: CWE-78
        return Response.ok(p.waitFor()).build();
    }

    @GET
    @Path("/run-safe")
    public Response runSafe(@QueryParam("job") String job) throws Exception {
        if (!job.matches("[a-z0-9_-]{1,32}")) {
            return Response.status(400).build();
        }
        Process p = new ProcessBuilder("/opt/reports/bin/run.sh", job).start(); // safe: CWE-78
        return Response.ok(p.waitFor()).build();
    }

    static byte[] encryptLegacy(byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("DES/ECB/PKCS5Padding"); // vuln: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, 0, 8, "DES"));
        return cipher.doFinal(data);
    }

    static byte[] encryptFixedIv(byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(FIXED_IV)); // vuln: CWE-329
        return cipher.doFinal(data);
    }

    static byte[] encrypt(byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); // safe: CWE-327
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new javax.crypto.spec.GCMParameterSpec(128, iv)); // safe: CWE-329
        return cipher.doFinal(data);
    }

    static String shareCode() {
        return Long.toHexString(new Random().nextLong()); // vuln: CWE-330
    }

    static String shareCodeSafe() {
        return Long.toHexString(new SecureRandom().nextLong()); // safe: CWE-330
    }
}
